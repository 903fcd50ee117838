import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { registerBody, type RegisterBody } from "@shared/contracts/auth";
import { PasswordField } from "@client/components/ui/password-field";
import { FormAlert } from "@client/components/ui/form-alert";
import { TextField } from "@client/components/ui/text-field";
import { useToast } from "@client/components/ui/toast";
import { applyServerError } from "@client/lib/form-errors";
import { useRegister } from "../api/auth";
import { AuthSubmit, EmailField } from "./auth-card";

/**
 * Account creation with the contract's schema (the same one the route validates with). No "repeat password"
 * field: the Show toggle lets people check what they typed.
 */
export function RegisterForm() {
  const register = useRegister();
  const { toast } = useToast();
  const form = useForm<z.input<typeof registerBody>, unknown, RegisterBody>({
    resolver: zodResolver(registerBody),
    defaultValues: { name: "", email: "", password: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const pending = isSubmitting || register.isPending;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const { user } = await register.mutateAsync(values);
      toast({ title: `Welcome to FruitfulPlanet, ${user.name}`, description: "Your account is ready.", tone: "success" });
    } catch (error) {
      applyServerError(error, form.setError, {
        fields: ["name", "email", "password"],
        fieldForCode: { email_taken: "email" },
      });
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Create account" className="space-y-5">
      <FormAlert message={errors.root?.server?.message} className="mb-5" />
      <TextField label="Name" autoComplete="name" error={errors.name?.message} {...form.register("name")} />
      <EmailField error={errors.email?.message} {...form.register("email")} />
      <PasswordField
        label="Password"
        autoComplete="new-password"
        hint="At least 12 characters. A few unrelated words make a strong one."
        error={errors.password?.message}
        {...form.register("password")}
      />
      <AuthSubmit pending={pending} label="Create account" pendingLabel="Creating account…" spinnerLabel="Creating your account" />
    </form>
  );
}
