import { useEffect, useRef } from "react";
import { Link, useSearch } from "wouter";
import { Spinner } from "@client/components/ui/skeleton";
import { AuthCard } from "@client/features/auth/components/auth-card";
import { useVerifyEmail } from "@client/features/account/api/account";

/** /verify-email?token=… — confirms the address (registration or e-mail change) as soon as the link is opened. */
export default function VerifyEmailPage() {
  const token = new URLSearchParams(useSearch()).get("token") ?? "";
  const verify = useVerifyEmail();
  const sent = useRef(false);
  useEffect(() => {
    // Once per page view (React's dev double effect must not spend the single-use token twice).
    if (sent.current || !token) return;
    sent.current = true;
    verify.mutate(token);
  }, [token, verify]);

  return (
    <>
      <title>Confirm your e-mail · FruitfulPlanet</title>
      <AuthCard title="Confirm your e-mail address">
        <div role="status" data-testid="verify-state" className="text-sm text-stone-800">
          {!token || verify.isError ? (
            <p className="text-red-800">
              This link has expired or was already used. Sign in and ask for a new one from{" "}
              <Link href="/account" className="font-semibold underline">
                your account
              </Link>
              .
            </p>
          ) : verify.isSuccess ? (
            <p>
              Your e-mail address is confirmed.{" "}
              <Link href="/account" className="font-semibold text-brand-800 underline">
                Go to your account
              </Link>
            </p>
          ) : (
            <p className="inline-flex items-center gap-2">
              <Spinner label="Confirming" /> Confirming…
            </p>
          )}
        </div>
      </AuthCard>
    </>
  );
}
