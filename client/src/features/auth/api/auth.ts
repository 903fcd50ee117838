import { queryOptions, useQuery, useQueryClient, type Query } from "@tanstack/react-query";
import { useEffect } from "react";
import type { SessionEnvelope, User } from "@shared/contracts/auth";
import { api, onAuthProblem } from "@client/lib/api";

/** The auth feature's one query-key factory. */
export const authKeys = {
  all: ["auth"] as const,
  me: () => [...authKeys.all, "me"] as const,
};

export const isMeQuery = (query: Query) => query.queryKey[0] === authKeys.all[0] && query.queryKey[1] === "me";
/** Public data that looks the same to everyone; everything else may be specific to who is signed in. */
export const isPublicQuery = (query: Query) => query.queryKey[0] === "catalog";

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

/**
 * Keeps "who is signed in" honest: when any request answers 401 (session ended) or 403 (role changed),
 * /auth/session is asked again, so route guards redirect to sign-in or show the 403 screen. Mount once.
 */
export function useAuthProblemSync(): void {
  const queryClient = useQueryClient();
  useEffect(() => onAuthProblem(() => void queryClient.invalidateQueries({ queryKey: authKeys.me() })), [queryClient]);
}
