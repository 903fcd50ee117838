import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AccountExport,
  AddressCreate,
  AddressList,
  AddressUpdate,
  ChangePasswordBody,
  DeleteAccountBody,
  EmailChangeBody,
  ForgotPasswordBody,
  ResetPasswordBody,
  SavedAddress,
} from "@shared/contracts/accounts";
import type { UserEnvelope } from "@shared/contracts/auth";
import { api, resetCsrfToken } from "@client/lib/api";
import { authKeys } from "@client/features/auth/api/auth";

/** The account feature's one query-key factory (issue 11: self-service). */
export const accountKeys = {
  all: ["account"] as const,
  addresses: () => [...accountKeys.all, "addresses"] as const,
};

export const addressesOptions = () =>
  queryOptions({
    queryKey: accountKeys.addresses(),
    queryFn: ({ signal }) => api.get<AddressList>("/api/v1/me/addresses", undefined, signal),
    select: (list) => list.data,
  });
export const useAddresses = (enabled = true) => useQuery({ ...addressesOptions(), enabled });

// ---- Mailed links (signed out) ----
export const useForgotPassword = () =>
  useMutation({ mutationFn: (body: ForgotPasswordBody) => api.post<{ status: string }>("/api/v1/auth/password/forgot", body) });
export const useResetPassword = () => useMutation({ mutationFn: (body: ResetPasswordBody) => api.post<void>("/api/v1/auth/password/reset", body) });

export function useVerifyEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => api.post<void>("/api/v1/auth/email/verify", { token }),
    // The address (or its verified mark) changed, and guest orders may have joined the account.
    onSuccess: () => void queryClient.invalidateQueries(),
  });
}

export const useResendVerification = () => useMutation({ mutationFn: () => api.post<void>("/api/v1/auth/email/resend") });

// ---- Signed-in self-service ----
export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.patch<UserEnvelope>("/api/v1/me", { name }),
    onSuccess: ({ user }) => queryClient.setQueryData(authKeys.me(), user),
  });
}

export const useChangePassword = () => useMutation({ mutationFn: (body: ChangePasswordBody) => api.post<void>("/api/v1/auth/password/change", body) });
export const useRequestEmailChange = () => useMutation({ mutationFn: (body: EmailChangeBody) => api.post<{ status: string }>("/api/v1/me/email", body) });

function useAddressWrite<V>(fn: (vars: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => queryClient.invalidateQueries({ queryKey: accountKeys.addresses() }) });
}
export const useAddAddress = () => useAddressWrite((body: AddressCreate) => api.post<SavedAddress>("/api/v1/me/addresses", body));
export const useUpdateAddress = () =>
  useAddressWrite(({ id, patch }: { id: string; patch: AddressUpdate }) => api.patch<SavedAddress>(`/api/v1/me/addresses/${encodeURIComponent(id)}`, patch));
export const useDeleteAddress = () => useAddressWrite((id: string) => api.delete(`/api/v1/me/addresses/${encodeURIComponent(id)}`));

/** Fetches the export and hands it to the browser as a JSON download. */
export const useExportData = () =>
  useMutation({
    mutationFn: async () => {
      const data = await api.get<AccountExport>("/api/v1/me/export");
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
      const a = Object.assign(document.createElement("a"), { href: url, download: "fruitfulplanet-account.json" });
      a.click();
      URL.revokeObjectURL(url);
    },
  });

export function useDeleteAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DeleteAccountBody) => api.delete("/api/v1/me", { body }),
    onSuccess: () => {
      // The session is gone with the account: a new CSRF token and an empty cache for whoever uses this browser next.
      resetCsrfToken();
      queryClient.clear();
      queryClient.setQueryData(authKeys.me(), null);
    },
  });
}
