import { Link, Redirect, useSearch } from "wouter";
import { useMe } from "@client/features/auth/api/auth";
import { AuthCard } from "@client/features/auth/components/auth-card";
import { LoginForm } from "@client/features/auth/components/login-form";
import { homeFor, safeNextPath } from "@client/features/auth/safe-next";

/** /login?next=/somewhere — once signed in (now or already), the person continues to `next` (same site only), else to their role's home. */
export default function LoginPage() {
  const next = safeNextPath(new URLSearchParams(useSearch()).get("next"));
  const me = useMe();
  if (me.data) return <Redirect to={next ?? homeFor(me.data.role)} replace />;
  return (
    <>
      <title>Sign in · FruitfulPlanet</title>
      <AuthCard
        title="Sign in"
        description="Welcome back. Sign in to check out and follow your orders."
        footer={
          <>
            New to FruitfulPlanet?{" "}
            <Link
              href={next ? `/register?next=${encodeURIComponent(next)}` : "/register"}
              className="font-semibold text-brand-800 underline-offset-2 hover:underline"
            >
              Create an account
            </Link>
          </>
        }
      >
        <LoginForm />
      </AuthCard>
    </>
  );
}
