import { Link } from "wouter";
import { AuthCard } from "@client/features/auth/components/auth-card";
import { ForgotPasswordForm } from "@client/features/account/components/password-reset-forms";

/** /forgot-password: mails a reset link (issue 11). */
export default function ForgotPasswordPage() {
  return (
    <>
      <title>Forgot password · FruitfulPlanet</title>
      <AuthCard
        title="Forgot your password?"
        description="Enter your account's e-mail address and we'll send you a link to choose a new one."
        footer={
          <Link href="/login" className="font-semibold text-brand-800 underline-offset-2 hover:underline">
            Back to sign in
          </Link>
        }
      >
        <ForgotPasswordForm />
      </AuthCard>
    </>
  );
}
