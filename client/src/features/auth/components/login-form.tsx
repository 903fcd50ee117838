import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Link } from "wouter";
import type { z } from "zod";
import { loginBody, type LoginBody } from "@shared/contracts/auth";
import { FormAlert } from "@client/components/ui/form-alert";
import { PasswordField } from "@client/components/ui/password-field";
import { useToast } from "@client/components/ui/toast";
import { applyServerError } from "@client/lib/form-errors";
import { useLogin, useVerifyMfa } from "../api/session-mutations";
import { AuthSubmit, EmailField } from "./auth-card";
import { MfaCodeForm } from "./mfa-code-form";

/**
 * Sign-in with the contract's own schema; on success the page redirects (it watches who is signed in). Accounts
 * with two-factor sign-in get a second step for the code after the password.
 */
export function LoginForm() {
  const login = useLogin();
  const verify = useVerifyMfa();
  const [codeStep, setCodeStep] = useState(false);
  const { toast } = useToast();
  const form = useForm<z.input<typeof loginBody>, unknown, LoginBody>({
    resolver: zodResolver(loginBody),
    defaultValues: { email: "", password: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const pending = isSubmitting || login.isPending;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const result = await login.mutateAsync(values);
      if ("mfaRequired" in result) {
        setCodeStep(true);
        return;
      }
      toast({ title: `Welcome back, ${result.user.name}`, tone: "success" });
    } catch (error) {
      form.resetField("password", { keepError: false });
      applyServerError(error, form.setError, {
        fields: ["email", "password"],
        // Same words whether the email is unknown or the password wrong (the server answers alike).
        messageForCode: { invalid_credentials: "Email or password is incorrect" },
      });
    }
  });

  if (codeStep) {
    return (
      <div className="space-y-4">
        <p className="text-sm text-stone-700">Your account uses two-factor sign-in. Enter the code your authenticator app shows now.</p>
        <MfaCodeForm
          label="Two-factor code"
          submitLabel="Verify and sign in"
          onSubmit={async (body) => {
            const { user } = await verify.mutateAsync(body);
            toast({ title: `Welcome back, ${user.name}`, tone: "success" });
          }}
        />
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Sign in" className="space-y-5">
      <FormAlert message={errors.root?.server?.message} className="mb-5" />
      <EmailField error={errors.email?.message} {...form.register("email")} />
      <PasswordField label="Password" autoComplete="current-password" error={errors.password?.message} {...form.register("password")} />
      <p className="-mt-2 text-right text-sm">
        <Link href="/forgot-password" className="font-semibold text-brand-800 underline-offset-2 hover:underline">
          Forgot your password?
        </Link>
      </p>
      <AuthSubmit pending={pending} label="Sign in" pendingLabel="Signing in…" spinnerLabel="Signing in" />
    </form>
  );
}
