import type { ReactNode } from "react";

/** The frame of the sign-in and registration pages: a centred card with a heading and a footer line. */
export function AuthCard({ title, description, children, footer }: { title: string; description?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  return (
    <section aria-labelledby="auth-title" className="mx-auto w-full max-w-md">
      <div className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 id="auth-title" className="text-2xl font-bold tracking-tight text-stone-900">
          {title}
        </h1>
        {description && <p className="mt-1.5 text-sm text-stone-600">{description}</p>}
        <div className="mt-6">{children}</div>
      </div>
      {footer && <p className="mt-6 text-center text-sm text-stone-600">{footer}</p>}
    </section>
  );
}

/** The form-level message of a failed submit (errors.root.server); announced at once. */
export function FormAlert({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className="mb-5 rounded-lg border border-red-200 bg-red-50 px-3 py-2.5 text-sm font-medium text-red-800">
      {message}
    </p>
  );
}
