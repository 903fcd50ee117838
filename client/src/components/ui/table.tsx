import type { ComponentPropsWithoutRef, ReactNode } from "react";

interface TableProps {
  /** Names the table (a visually hidden <caption>) and its scroll region. */
  caption: string;
  children: ReactNode;
  /** True while the rows are being refreshed: announced with aria-busy. */
  busy?: boolean;
  className?: string;
}

/**
 * A data table in a horizontally scrollable, keyboard-focusable frame (narrow screens scroll the table, not the page).
 * Compose with <THead>, <Th>, <TBody>, <Tr> and <Td>; give each <Th> scope="col" (the default) or "row".
 */
export function Table({ caption, children, busy, className = "" }: TableProps) {
  return (
    // tabIndex: a scrollable region must be reachable by keyboard to scroll it (WCAG 2.1.1).
    // relative: visually hidden (absolute) text in cells must scroll with the table, not widen the page.
    <div
      role="region"
      aria-label={caption}
      tabIndex={0}
      className={`relative overflow-x-auto rounded-2xl border border-stone-200 bg-white shadow-sm ${className}`}
    >
      <table aria-busy={busy || undefined} className="min-w-full divide-y divide-stone-200 text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function THead({ children }: { children: ReactNode }) {
  return <thead className="bg-stone-50">{children}</thead>;
}

export function TBody({ children }: { children: ReactNode }) {
  return <tbody className="divide-y divide-stone-100">{children}</tbody>;
}

export function Tr({ className = "", ...props }: ComponentPropsWithoutRef<"tr">) {
  return <tr className={`align-top hover:bg-stone-50/60 ${className}`} {...props} />;
}

export function Th({ className = "", scope = "col", ...props }: ComponentPropsWithoutRef<"th">) {
  return (
    <th scope={scope} className={`whitespace-nowrap px-3 py-3 text-xs 2xl:px-4 font-semibold uppercase tracking-wide text-stone-600 ${className}`} {...props} />
  );
}

export function Td({ className = "", ...props }: ComponentPropsWithoutRef<"td">) {
  // px-3 below 2xl: the admin products table (stock stepper, row actions) fits a 1366 px screen (issue 13).
  return <td className={`px-3 py-3 text-stone-800 2xl:px-4 ${className}`} {...props} />;
}

/** The heading of a row-actions column: empty to the eye, "Actions" to a screen reader. */
export function ActionsTh() {
  return (
    <Th>
      <span className="sr-only">Actions</span>
    </Th>
  );
}
