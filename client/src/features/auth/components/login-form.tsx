import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Link } from "wouter";
import type { z } from "zod";
import { loginBody, type LoginBody } from "@shared/contracts/auth";
import { Button } from "@client/components/ui/button";
import { PasswordField } from "@client/components/ui/password-field";
import { Spinner } from "@client/components/ui/skeleton";
import { TextField } from "@client/components/ui/text-field";
import { useToast } from "@client/components/ui/toast";
import { applyServerError } from "@client/lib/form-errors";
import { useLogin } from "../api/auth";
import { FormAlert } from "./auth-card";

/** Sign-in with the contract's own schema; on success the page redirects (it watches who is signed in). */
export function LoginForm() {
  const login = useLogin();
  const { toast } = useToast();
  const form = useForm<z.input<typeof loginBody>, unknown, LoginBody>({
    resolver: zodResolver(loginBody),
    defaultValues: { email: "", password: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const pending = isSubmitting || login.isPending;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const { user } = await login.mutateAsync(values);
      toast({ title: `Welcome back, ${user.name}`, tone: "success" });
    } catch (error) {
      form.resetField("password", { keepError: false });
      applyServerError(error, form.setError, {
        fields: ["email", "password"],
        // Same words whether the email is unknown or the password wrong (the server answers alike).
        messageForCode: { invalid_credentials: "Email or password is incorrect" },
      });
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Sign in" className="space-y-5">
      <FormAlert message={errors.root?.server?.message} />
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        inputMode="email"
        autoCapitalize="none"
        spellCheck={false}
        error={errors.email?.message}
        {...form.register("email")}
      />
      <PasswordField label="Password" autoComplete="current-password" error={errors.password?.message} {...form.register("password")} />
      <p className="-mt-2 text-right text-sm">
        <Link href="/forgot-password" className="font-semibold text-brand-800 underline-offset-2 hover:underline">
          Forgot your password?
        </Link>
      </p>
      <Button type="submit" size="lg" disabled={pending} className="w-full">
        {pending && <Spinner label="Signing in" />}
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
