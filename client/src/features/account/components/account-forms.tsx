import { zodResolver } from "@hookform/resolvers/zod";
import type { ReactNode } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import {
  changePasswordBody,
  emailChangeBody,
  profileUpdate,
  type ChangePasswordBody,
  type EmailChangeBody,
  type ProfileUpdate,
} from "@shared/contracts/accounts";
import type { User } from "@shared/contracts/auth";
import { Button } from "@client/components/ui/button";
import { PasswordField } from "@client/components/ui/password-field";
import { Spinner } from "@client/components/ui/skeleton";
import { TextField } from "@client/components/ui/text-field";
import { useToast } from "@client/components/ui/toast";
import { applyServerError } from "@client/lib/form-errors";
import { FormAlert } from "@client/components/ui/form-alert";
import { useChangePassword, useRequestEmailChange, useResendVerification, useUpdateProfile } from "../api/account";

/** One panel of the account page. */
export function AccountPanel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-6 rounded-2xl border border-stone-200 bg-white p-6 shadow-sm">
      <h2 id={id} className="text-lg font-semibold text-stone-900">
        {title}
      </h2>
      <div className="mt-4">{children}</div>
    </section>
  );
}

function Submit({ pending, label, busy }: { pending: boolean; label: string; busy: string }) {
  return (
    <Button type="submit" disabled={pending}>
      {pending && <Spinner label={busy} />}
      {pending ? `${busy}…` : label}
    </Button>
  );
}

/** Unverified accounts: a notice and "send the link again" (rate limited by the server). */
export function VerifyEmailNotice({ user }: { user: User }) {
  const resend = useResendVerification();
  const { toast } = useToast();
  if (user.emailVerified) return null;
  return (
    <div role="status" data-testid="verify-notice" className="mt-6 rounded-2xl border border-amber-200 bg-amber-50 p-4 text-sm text-amber-950">
      <p>
        Please confirm <span className="font-semibold">{user.email}</span>: we sent you a link when you registered.
      </p>
      <Button
        size="sm"
        variant="secondary"
        className="mt-3"
        disabled={resend.isPending}
        onClick={() =>
          resend.mutate(undefined, {
            onSuccess: () => toast({ title: "We sent you a new link", tone: "success" }),
            onError: (error) => toast({ title: "No new link sent", description: error.message, tone: "error" }),
          })
        }
      >
        {resend.isPending && <Spinner label="Sending" />}
        Send the link again
      </Button>
    </div>
  );
}

export function ProfileForm({ user }: { user: User }) {
  const update = useUpdateProfile();
  const { toast } = useToast();
  const form = useForm<z.input<typeof profileUpdate>, unknown, ProfileUpdate>({ resolver: zodResolver(profileUpdate), defaultValues: { name: user.name } });
  const onSubmit = form.handleSubmit(async ({ name }) => {
    try {
      await update.mutateAsync(name);
      toast({ title: "Your name is saved", tone: "success" });
    } catch (error) {
      applyServerError(error, form.setError, { fields: ["name"] });
    }
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Profile" className="space-y-4">
      <FormAlert message={errors.root?.server?.message} />
      <TextField label="Name" autoComplete="name" error={errors.name?.message} {...form.register("name")} />
      <Submit pending={update.isPending} label="Save name" busy="Saving" />
    </form>
  );
}

export function ChangePasswordForm() {
  const change = useChangePassword();
  const { toast } = useToast();
  const form = useForm<z.input<typeof changePasswordBody>, unknown, ChangePasswordBody>({
    resolver: zodResolver(changePasswordBody),
    defaultValues: { currentPassword: "", newPassword: "" },
  });
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await change.mutateAsync(values);
      form.reset();
      toast({ title: "Password changed", description: "Other devices were signed out; this one stays signed in.", tone: "success" });
    } catch (error) {
      applyServerError(error, form.setError, { fields: ["currentPassword", "newPassword"] });
    }
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Change password" className="space-y-4">
      <FormAlert message={errors.root?.server?.message} />
      <PasswordField label="Current password" autoComplete="current-password" error={errors.currentPassword?.message} {...form.register("currentPassword")} />
      <PasswordField
        label="New password"
        autoComplete="new-password"
        hint="At least 12 characters."
        error={errors.newPassword?.message}
        {...form.register("newPassword")}
      />
      <Submit pending={change.isPending} label="Change password" busy="Changing" />
    </form>
  );
}

export function ChangeEmailForm() {
  const change = useRequestEmailChange();
  const { toast } = useToast();
  const form = useForm<z.input<typeof emailChangeBody>, unknown, EmailChangeBody>({
    resolver: zodResolver(emailChangeBody),
    defaultValues: { email: "", password: "" },
  });
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await change.mutateAsync(values);
      form.reset();
      toast({ title: "Check your new inbox", description: `Follow the link we sent to ${values.email} to switch.`, tone: "success" });
    } catch (error) {
      applyServerError(error, form.setError, {
        fields: ["email", "password"],
        fieldForCode: { email_taken: "email" },
      });
    }
  });
  const { errors } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Change e-mail" className="space-y-4">
      <FormAlert message={errors.root?.server?.message} />
      <TextField label="New e-mail address" type="email" autoComplete="email" error={errors.email?.message} {...form.register("email")} />
      <PasswordField label="Password" autoComplete="current-password" error={errors.password?.message} {...form.register("password")} />
      <Submit pending={change.isPending} label="Send confirmation link" busy="Sending" />
    </form>
  );
}
