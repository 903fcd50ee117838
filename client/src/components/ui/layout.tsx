import type { ReactNode } from "react";

/** Centred page width shared by header, main and footer so their edges line up. */
export function Container({ children, className = "" }: { children: ReactNode; className?: string }) {
  return <div className={`mx-auto w-full max-w-7xl px-4 sm:px-6 lg:px-8 ${className}`}>{children}</div>;
}

/** "Skip to content": the first stop of the keyboard on every page, visible only while focused; targets <main id="main">. */
export function SkipLink() {
  return (
    <a
      href="#main"
      className="sr-only z-50 rounded-md bg-white px-4 py-2 font-medium text-brand-800 shadow focus:not-sr-only focus:fixed focus:left-4 focus:top-4"
    >
      Skip to content
    </a>
  );
}

/** The page skeleton: skip link, header, main landmark, footer. */
export function PageShell({ header, footer, children }: { header: ReactNode; footer: ReactNode; children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink />
      {header}
      <main id="main" tabIndex={-1} className="flex-1 py-8 focus:outline-none sm:py-10">
        <Container>{children}</Container>
      </main>
      {footer}
    </div>
  );
}

export function SectionHeading({ id, title, description, action }: { id?: string; title: string; description?: ReactNode; action?: ReactNode }) {
  return (
    <div className="mb-5 flex flex-wrap items-end justify-between gap-3">
      <div>
        <h2 id={id} className="text-xl font-semibold tracking-tight text-stone-900 sm:text-2xl">
          {title}
        </h2>
        {description && <p className="mt-1 text-sm text-stone-600">{description}</p>}
      </div>
      {action}
    </div>
  );
}
