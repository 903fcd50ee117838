import { queryOptions, useMutation, useQuery, useQueryClient, type Query, type QueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { LoginBody, RegisterBody, SessionEnvelope, User, UserEnvelope } from "@shared/contracts/auth";
import type { MfaChallenge, MfaVerifyBody } from "@shared/contracts/mfa";
import { api, isApiError, onAuthProblem, resetCsrfToken } from "@client/lib/api";

/** The auth feature's one query-key factory. */
export const authKeys = {
  all: ["auth"] as const,
  me: () => [...authKeys.all, "me"] as const,
};

const isMeQuery = (query: Query) => query.queryKey[0] === authKeys.all[0] && query.queryKey[1] === "me";
/** Public data that looks the same to everyone; everything else may be specific to who is signed in. */
const isPublicQuery = (query: Query) => query.queryKey[0] === "catalog";

/** Who is signed in: the user, or null when nobody is (GET /auth/session answers 200 either way: no 401 in the console). */
export const meOptions = () =>
  queryOptions({
    queryKey: authKeys.me(),
    queryFn: async ({ signal }): Promise<User | null> => (await api.get<SessionEnvelope>("/api/v1/auth/session", undefined, signal)).user,
    staleTime: 5 * 60_000,
    // Coming back to the tab re-checks: the session may have expired or ended elsewhere meanwhile.
    refetchOnWindowFocus: true,
  });

export const useMe = () => useQuery(meOptions());

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

/**
 * Keeps "who is signed in" honest: when any request answers 401 (session ended) or 403 (role changed),
 * /auth/session is asked again, so route guards redirect to sign-in or show the 403 screen. Mount once.
 */
export function useAuthProblemSync(): void {
  const queryClient = useQueryClient();
  useEffect(() => onAuthProblem(() => void queryClient.invalidateQueries({ queryKey: authKeys.me() })), [queryClient]);
}
