// Sign-in, registration and sign-out. Apart from auth.ts (who is signed in) so the storefront's first load, which
// only asks who is signed in, does not carry the mutation machinery (issue 13, initial JS budget).
import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import type { LoginBody, RegisterBody, User, UserEnvelope } from "@shared/contracts/auth";
import type { MfaChallenge, MfaVerifyBody } from "@shared/contracts/mfa";
import { api, isApiError, resetCsrfToken } from "@client/lib/api";
import { authKeys, isMeQuery, isPublicQuery } from "./auth";

/** After sign-in or registration: a new session (and CSRF token); every private query refetches as the new user. */
function signedIn(queryClient: QueryClient, user: User): void {
  resetCsrfToken();
  queryClient.setQueryData(authKeys.me(), user);
  void queryClient.invalidateQueries({ predicate: (query) => !isMeQuery(query) });
}

/** After sign-out: drop private data from the cache so the next person on this browser never sees it. */
function signedOut(queryClient: QueryClient): void {
  resetCsrfToken();
  queryClient.removeQueries({ predicate: (query) => !isMeQuery(query) && !isPublicQuery(query) });
  queryClient.setQueryData(authKeys.me(), null);
}

/** Password step: signed in, or `{ mfaRequired: true }` when the account uses two-factor sign-in (then useVerifyMfa). */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api.post<UserEnvelope | MfaChallenge>("/api/v1/auth/login", body),
    onSuccess: (result) => {
      if ("user" in result) signedIn(queryClient, result.user);
    },
  });
}

/** Code step of a two-factor sign-in (the authenticator's code or a recovery code). */
export function useVerifyMfa() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MfaVerifyBody) => api.post<UserEnvelope>("/api/v1/auth/mfa/verify", body),
    onSuccess: ({ user }) => signedIn(queryClient, user),
  });
}

export function useRegister() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RegisterBody) => api.post<UserEnvelope>("/api/v1/auth/register", body),
    onSuccess: ({ user }) => signedIn(queryClient, user),
  });
}

/**
 * Signs out. `onSignedOut` runs before the cache forgets the user, so a caller can leave a guarded page
 * first (otherwise the guard would send the person to the sign-in form).
 */
export function useLogout({ onSignedOut }: { onSignedOut?: () => void } = {}) {
  const queryClient = useQueryClient();
  const finish = () => {
    onSignedOut?.();
    signedOut(queryClient);
  };
  return useMutation({
    mutationFn: () => api.post<void>("/api/v1/auth/logout"),
    onSuccess: finish,
    onError: (error) => {
      // Already signed out (the session expired): the outcome the person wanted.
      if (isApiError(error) && error.status === 401) finish();
    },
  });
}
