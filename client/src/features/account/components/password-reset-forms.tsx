import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Link } from "wouter";
import type { z } from "zod";
import { forgotPasswordBody, resetPasswordBody, type ForgotPasswordBody, type ResetPasswordBody } from "@shared/contracts/accounts";
import { Button } from "@client/components/ui/button";
import { PasswordField } from "@client/components/ui/password-field";
import { Spinner } from "@client/components/ui/skeleton";
import { TextField } from "@client/components/ui/text-field";
import { isApiError } from "@client/lib/api";
import { applyServerError } from "@client/lib/form-errors";
import { FormAlert } from "@client/components/ui/form-alert";
import { useForgotPassword, useResetPassword } from "../api/account";

/** "Forgot password": always the same confirmation, whether or not the address has an account (the server does the same). */
export function ForgotPasswordForm() {
  const forgot = useForgotPassword();
  const [sentTo, setSentTo] = useState<string>();
  const form = useForm<z.input<typeof forgotPasswordBody>, unknown, ForgotPasswordBody>({
    resolver: zodResolver(forgotPasswordBody),
    defaultValues: { email: "" },
  });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await forgot.mutateAsync(values);
      setSentTo(values.email);
    } catch (error) {
      applyServerError(error, form.setError, { fields: ["email"] });
    }
  });

  if (sentTo) {
    return (
      <p role="status" data-testid="forgot-sent" className="rounded-lg bg-brand-50 px-4 py-3 text-sm text-brand-900">
        If an account uses <span className="font-semibold">{sentTo}</span>, a link to choose a new password is on its way. It works once, for 60 minutes.
      </p>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Forgot password" className="space-y-5">
      <FormAlert message={errors.root?.server?.message} />
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        inputMode="email"
        autoCapitalize="none"
        error={errors.email?.message}
        {...form.register("email")}
      />
      <Button type="submit" size="lg" disabled={forgot.isPending} className="w-full">
        {forgot.isPending && <Spinner label="Sending" />}
        {forgot.isPending ? "Sending…" : "Send me a link"}
      </Button>
    </form>
  );
}

/** The page a reset link opens: the token comes from the link, the person types the new password. */
export function ResetPasswordForm({ token }: { token: string }) {
  const reset = useResetPassword();
  const [done, setDone] = useState(false);
  const form = useForm<z.input<typeof resetPasswordBody>, unknown, ResetPasswordBody>({
    resolver: zodResolver(resetPasswordBody),
    defaultValues: { token, password: "" },
  });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await reset.mutateAsync(values);
      setDone(true);
    } catch (error) {
      const onField = applyServerError(error, form.setError, { fields: ["password"] });
      // The token is not a field the person can fix: say what to do instead.
      if (!onField && isApiError(error) && error.details.some((d) => d.path === "token")) {
        form.setError("root.server", { message: "This link has expired or was already used. Ask for a new one below." });
      }
    }
  });

  if (done) {
    return (
      <div role="status" data-testid="reset-done" className="space-y-4 text-sm text-stone-800">
        <p>Your password is changed and every device was signed out. Sign in with the new password.</p>
        <Link href="/login" className="font-semibold text-brand-800 underline-offset-2 hover:underline">
          Sign in
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Choose a new password" className="space-y-5">
      <FormAlert message={errors.root?.server?.message ?? errors.token?.message} />
      <PasswordField
        label="New password"
        autoComplete="new-password"
        hint="At least 12 characters."
        error={errors.password?.message}
        {...form.register("password")}
      />
      <Button type="submit" size="lg" disabled={reset.isPending} className="w-full">
        {reset.isPending && <Spinner label="Saving" />}
        {reset.isPending ? "Saving…" : "Save new password"}
      </Button>
      <p className="text-center text-sm">
        <Link href="/forgot-password" className="font-semibold text-brand-800 underline-offset-2 hover:underline">
          Ask for a new link
        </Link>
      </p>
    </form>
  );
}
