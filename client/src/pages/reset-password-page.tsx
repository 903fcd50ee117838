import { useSearch } from "wouter";
import { AuthCard } from "@client/features/auth/components/auth-card";
import { ResetPasswordForm } from "@client/features/account/components/password-reset-forms";

/** /reset-password?token=… — the page a reset mail links to. */
export default function ResetPasswordPage() {
  const token = new URLSearchParams(useSearch()).get("token") ?? "";
  return (
    <>
      <title>Choose a new password · FruitfulPlanet</title>
      <AuthCard title="Choose a new password" description="Every device signed in to your account will be signed out.">
        <ResetPasswordForm token={token} />
      </AuthCard>
    </>
  );
}
