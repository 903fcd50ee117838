import { Link, useLocation } from "wouter";
import { Button, buttonClasses } from "@client/components/ui/button";
import { Spinner } from "@client/components/ui/skeleton";
import { useToast } from "@client/components/ui/toast";
import { accountLinksFor } from "@client/features/auth/account-links";
import { useMe } from "@client/features/auth/api/auth";
import { useLogout } from "@client/features/auth/api/session-mutations";
import { MfaSettings } from "@client/features/auth/components/mfa-settings";
import { roleLabels } from "@client/features/auth/roles";
import { formatDate } from "@client/lib/dates";
import { AccountPanel, ChangeEmailForm, ChangePasswordForm, ProfileForm, VerifyEmailNotice } from "@client/features/account/components/account-forms";
import { AddressBook, DataAndDeletion } from "@client/features/account/components/address-book";

/** The signed-in person's own page (guarded: any role). */
export default function AccountPage() {
  const me = useMe();
  const [, navigate] = useLocation();
  const { toast } = useToast();
  const logout = useLogout({ onSignedOut: () => navigate("/") });
  const user = me.data;
  if (!user) return null; // the guard renders this page only for a signed-in user
  const links = accountLinksFor(user.role).filter((link) => link.href !== "/account");

  return (
    <>
      <title>Your account · FruitfulPlanet</title>
      <div className="mx-auto max-w-2xl">
        <h1 className="text-3xl font-bold tracking-tight text-stone-900">Your account</h1>
        <VerifyEmailNotice user={user} />
        <section aria-labelledby="profile-title" className="mt-6 rounded-2xl border border-stone-200 bg-white p-6 shadow-sm">
          <h2 id="profile-title" className="text-lg font-semibold text-stone-900">
            Profile
          </h2>
          <dl className="mt-4 grid gap-4 sm:grid-cols-2">
            <div>
              <dt className="text-sm text-stone-600">Name</dt>
              <dd className="font-medium text-stone-900">{user.name}</dd>
            </div>
            <div>
              <dt className="text-sm text-stone-600">Email</dt>
              <dd className="break-all font-medium text-stone-900">{user.email}</dd>
            </div>
            <div>
              <dt className="text-sm text-stone-600">Role</dt>
              <dd className="font-medium text-stone-900">{roleLabels[user.role]}</dd>
            </div>
            <div>
              <dt className="text-sm text-stone-600">Member since</dt>
              <dd className="font-medium text-stone-900">
                <time dateTime={user.createdAt}>{formatDate(user.createdAt)}</time>
              </dd>
            </div>
          </dl>
          <div className="mt-6 border-t border-stone-100 pt-6">
            <ProfileForm user={user} />
          </div>
        </section>
        <AccountPanel id="addresses-title" title="Saved addresses">
          <AddressBook />
        </AccountPanel>
        <AccountPanel id="password-title" title="Password">
          <ChangePasswordForm />
        </AccountPanel>
        <MfaSettings />
        <AccountPanel id="email-title" title="E-mail address">
          <ChangeEmailForm />
        </AccountPanel>
        <AccountPanel id="data-title" title="Your data">
          <DataAndDeletion />
        </AccountPanel>
        <div className="mt-6 flex flex-wrap gap-3">
          {links.map((link) => (
            <Link key={link.href} href={link.href} className={buttonClasses({ variant: "secondary" })}>
              {link.label}
            </Link>
          ))}
          <Button
            variant="secondary"
            disabled={logout.isPending}
            onClick={() =>
              logout.mutate(undefined, {
                onSuccess: () => toast({ title: "You've signed out", tone: "info" }),
                onError: (error) => toast({ title: "We couldn't sign you out", description: error.message, tone: "error" }),
              })
            }
          >
            {logout.isPending && <Spinner label="Signing out" />}
            Sign out
          </Button>
        </div>
      </div>
    </>
  );
}
