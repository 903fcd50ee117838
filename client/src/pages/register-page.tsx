import { Link, Redirect, useSearch } from "wouter";
import { useMe } from "@client/features/auth/api/auth";
import { AuthCard } from "@client/features/auth/components/auth-card";
import { RegisterForm } from "@client/features/auth/components/register-form";
import { safeNextPath } from "@client/features/auth/safe-next";

export default function RegisterPage() {
  const next = safeNextPath(new URLSearchParams(useSearch()).get("next"));
  const me = useMe();
  if (me.data) return <Redirect to={next ?? "/"} replace />;
  return (
    <>
      <title>Create an account · FruitfulPlanet</title>
      <AuthCard
        title="Create an account"
        description="Order from every sector in one basket and keep track of your deliveries."
        footer={
          <>
            Already have an account?{" "}
            <Link
              href={next ? `/login?next=${encodeURIComponent(next)}` : "/login"}
              className="font-semibold text-brand-800 underline-offset-2 hover:underline"
            >
              Sign in
            </Link>
          </>
        }
      >
        <RegisterForm />
      </AuthCard>
    </>
  );
}
