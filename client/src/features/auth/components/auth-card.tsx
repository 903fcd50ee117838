import type { ReactNode } from "react";
import { Button } from "@client/components/ui/button";
import { Spinner } from "@client/components/ui/skeleton";
import { TextField, type TextFieldProps } from "@client/components/ui/text-field";

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

/** The email input of both auth forms: no auto-capitalising or spell-checking of an address. */
export function EmailField(props: Omit<TextFieldProps, "label" | "type">) {
  return <TextField label="Email" type="email" autoComplete="email" inputMode="email" autoCapitalize="none" spellCheck={false} {...props} />;
}

/** The full-width submit button of both auth forms, with its pending spinner and words. */
export function AuthSubmit({ pending, label, pendingLabel, spinnerLabel }: { pending: boolean; label: string; pendingLabel: string; spinnerLabel: string }) {
  return (
    <Button type="submit" size="lg" disabled={pending} className="w-full">
      {pending && <Spinner label={spinnerLabel} />}
      {pending ? pendingLabel : label}
    </Button>
  );
}
