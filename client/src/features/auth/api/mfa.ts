import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { MfaCodeBody, MfaSetupResponse, MfaStatus, MfaVerifyBody, RecoveryCodesResponse } from "@shared/contracts/mfa";
import { api } from "@client/lib/api";
import { authKeys } from "./auth";

/** Two-factor sign-in keys live under the auth feature's factory. */
export const mfaKeys = {
  status: () => [...authKeys.all, "mfa"] as const,
};

export const mfaStatusOptions = () =>
  queryOptions({ queryKey: mfaKeys.status(), queryFn: ({ signal }) => api.get<MfaStatus>("/api/v1/auth/mfa", undefined, signal) });

export const useMfaStatus = () => useQuery(mfaStatusOptions());

export const useMfaSetup = () => useMutation({ mutationFn: () => api.post<MfaSetupResponse>("/api/v1/auth/mfa/setup") });

export function useMfaEnable() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MfaCodeBody) => api.post<RecoveryCodesResponse>("/api/v1/auth/mfa/enable", body),
    // The gate (MFA_REQUIRED_ROLES) opens at once: everything private may now answer.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: authKeys.all }),
  });
}

export function useMfaDisable() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MfaVerifyBody) => api.post<void>("/api/v1/auth/mfa/disable", body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: mfaKeys.status() }),
  });
}
