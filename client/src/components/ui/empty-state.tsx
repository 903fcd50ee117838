import type { ReactNode } from "react";
import { SearchX, Sprout, type LucideIcon } from "lucide-react";
import { Link } from "wouter";
import { buttonClasses } from "./button";

interface EmptyStateProps {
  title: string;
  description?: ReactNode;
  action?: ReactNode;
  /** A lucide icon (SVG): emoji are empty boxes without an emoji font (issue 13). */
  icon?: LucideIcon;
}

export function EmptyState({ title, description, action, icon: Icon = Sprout }: EmptyStateProps) {
  return (
    <div className="mx-auto flex max-w-lg flex-col items-center gap-3 rounded-2xl border border-dashed border-stone-300 bg-white px-6 py-12 text-center">
      <Icon aria-hidden="true" className="size-10 text-brand-700" strokeWidth={1.5} />
      <h2 className="text-lg font-semibold text-stone-900">{title}</h2>
      {description && <p className="text-sm text-stone-600">{description}</p>}
      {action && <div className="mt-2">{action}</div>}
    </div>
  );
}

interface NoMatchesStateProps {
  title: string;
  description?: ReactNode;
  icon?: LucideIcon;
  /** The list's address without its filters. */
  clearHref: string;
  clearLabel?: string;
}

/** A filtered admin list that came back empty: says so and offers the way back to the unfiltered list. */
export function NoMatchesState({ title, description, icon = SearchX, clearHref, clearLabel = "Clear filters" }: NoMatchesStateProps) {
  return (
    <EmptyState
      icon={icon}
      title={title}
      description={description}
      action={
        <Link href={clearHref} className={buttonClasses({ variant: "secondary" })}>
          {clearLabel}
        </Link>
      }
    />
  );
}
