import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { registerBody, type RegisterBody } from "@shared/contracts/auth";
import { loadPasswordStrength } from "@shared/password-strength";
import { PasswordField } from "@client/components/ui/password-field";
import { FormAlert } from "@client/components/ui/form-alert";
import { TextField } from "@client/components/ui/text-field";
import { useToast } from "@client/components/ui/toast";
import { applyServerError } from "@client/lib/form-errors";
import { useRegister } from "../api/session-mutations";
import { AuthSubmit, EmailField } from "./auth-card";
import { PasswordStrengthMeter } from "./password-strength-meter";

type RegisterInput = z.input<typeof registerBody>;
const baseResolver = zodResolver(registerBody);
/** Validates only once the strength checker is there, so the form and the server apply the same rule. */
const resolver: Resolver<RegisterInput, unknown, RegisterBody> = async (...args) => {
  await loadPasswordStrength().catch(() => undefined);
  return baseResolver(...args);
};

/**
 * Account creation with the contract's schema (the same one the route validates with). No "repeat password"
 * field: the Show toggle lets people check what they typed.
 */
export function RegisterForm() {
  const register = useRegister();
  const { toast } = useToast();
  const form = useForm<RegisterInput, unknown, RegisterBody>({
    resolver,
    defaultValues: { name: "", email: "", password: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const pending = isSubmitting || register.isPending;
  const [password = "", email, name] = useWatch({ control: form.control, name: ["password", "email", "name"] });

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
      <PasswordStrengthMeter password={password} owner={{ email, name }} />
      <AuthSubmit pending={pending} label="Create account" pendingLabel="Creating account…" spinnerLabel="Creating your account" />
    </form>
  );
}
