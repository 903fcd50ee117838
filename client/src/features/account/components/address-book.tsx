import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useLocation } from "wouter";
import type { z } from "zod";
import { addressCreate, deleteAccountBody, type AddressCreate, type DeleteAccountBody } from "@shared/contracts/accounts";
import { Button } from "@client/components/ui/button";
import { PasswordField } from "@client/components/ui/password-field";
import { Skeleton, Spinner } from "@client/components/ui/skeleton";
import { TextField } from "@client/components/ui/text-field";
import { useToast } from "@client/components/ui/toast";
import { QueryErrorState } from "@client/components/ui/query-error-state";
import { applyServerError } from "@client/lib/form-errors";
import { FormAlert } from "@client/components/ui/form-alert";
import { useAddAddress, useAddresses, useDeleteAccount, useDeleteAddress, useExportData, useUpdateAddress } from "../api/account";

const EMPTY: z.input<typeof addressCreate> = { name: "", line1: "", line2: "", city: "", postalCode: "", country: "US" };

function AddressForm({ onDone }: { onDone: () => void }) {
  const add = useAddAddress();
  const form = useForm<z.input<typeof addressCreate>, unknown, AddressCreate>({ resolver: zodResolver(addressCreate), defaultValues: EMPTY });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await add.mutateAsync(values);
      form.reset(EMPTY);
      onDone();
    } catch (error) {
      applyServerError(error, form.setError, { fields: ["name", "line1", "line2", "city", "postalCode", "country", "phone"] });
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="New address" className="mt-4 grid gap-3 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <FormAlert message={errors.root?.server?.message} />
      </div>
      <TextField label="Full name" autoComplete="name" className="sm:col-span-2" error={errors.name?.message} {...form.register("name")} />
      <TextField label="Address" autoComplete="address-line1" className="sm:col-span-2" error={errors.line1?.message} {...form.register("line1")} />
      <TextField
        label="Apartment, suite, etc. (optional)"
        autoComplete="address-line2"
        className="sm:col-span-2"
        error={errors.line2?.message}
        {...form.register("line2", { setValueAs: (v: string) => (v.trim() === "" ? undefined : v) })}
      />
      <TextField label="City" autoComplete="address-level2" error={errors.city?.message} {...form.register("city")} />
      <TextField label="Postal code" autoComplete="postal-code" error={errors.postalCode?.message} {...form.register("postalCode")} />
      <TextField
        label="Country"
        hint="2-letter code, e.g. US"
        maxLength={2}
        error={errors.country?.message}
        {...form.register("country", { setValueAs: (v: string) => v.trim().toUpperCase() })}
      />
      <TextField
        label="Phone (optional)"
        type="tel"
        autoComplete="tel"
        error={errors.phone?.message}
        {...form.register("phone", { setValueAs: (v: string) => (v.trim() === "" ? undefined : v) })}
      />
      <div className="flex items-end gap-2 sm:col-span-2">
        <Button type="submit" disabled={add.isPending}>
          {add.isPending && <Spinner label="Saving" />}
          Save address
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

/** Saved addresses: one default (checkout fills it in), add, make default, delete. */
export function AddressBook() {
  const addresses = useAddresses();
  const update = useUpdateAddress();
  const remove = useDeleteAddress();
  const { toast } = useToast();
  const [adding, setAdding] = useState(false);
  const failed = (title: string) => (error: Error) => toast({ title, description: error.message, tone: "error" });

  if (addresses.isPending) return <Skeleton className="h-24 w-full rounded-xl" />;
  if (addresses.isError) return <QueryErrorState error={addresses.error} title="We couldn't load your addresses" onRetry={() => void addresses.refetch()} />;
  return (
    <div>
      {addresses.data.length === 0 ? (
        <p className="text-sm text-stone-600">No saved addresses yet. Save one to check out faster.</p>
      ) : (
        <ul className="divide-y divide-stone-100" data-testid="address-list">
          {addresses.data.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
              <span>
                <span className="font-medium text-stone-900">{a.name}</span>, {a.line1}
                {a.line2 ? `, ${a.line2}` : ""}, {a.postalCode} {a.city}, {a.country}
                {a.isDefault && <span className="ml-2 rounded bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-900">Default</span>}
              </span>
              <span className="flex gap-2">
                {!a.isDefault && (
                  <Button
                    size="sm"
                    variant="secondary"
                    onClick={() => update.mutate({ id: a.id, patch: { isDefault: true } }, { onError: failed("Not changed") })}
                  >
                    Make default
                  </Button>
                )}
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Delete address ${a.name}, ${a.line1}`}
                  onClick={() => remove.mutate(a.id, { onError: failed("Not deleted") })}
                >
                  Delete
                </Button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {adding ? (
        <AddressForm onDone={() => setAdding(false)} />
      ) : (
        <Button variant="secondary" className="mt-4" onClick={() => setAdding(true)}>
          Add an address
        </Button>
      )}
    </div>
  );
}

/** Download everything kept about you; delete the account (orders stay for the books without your personal data). */
export function DataAndDeletion() {
  const exportData = useExportData();
  const deleteAccount = useDeleteAccount();
  const [, navigate] = useLocation();
  const { toast } = useToast();
  const [confirming, setConfirming] = useState(false);
  const form = useForm<z.input<typeof deleteAccountBody>, unknown, DeleteAccountBody>({
    resolver: zodResolver(deleteAccountBody),
    defaultValues: { password: "" },
  });
  const { errors } = form.formState;
  const onDelete = form.handleSubmit(async (values) => {
    try {
      await deleteAccount.mutateAsync(values);
      navigate("/");
      toast({ title: "Your account is deleted", tone: "info" });
    } catch (error) {
      applyServerError(error, form.setError, { fields: ["password"] });
    }
  });
  return (
    <div className="space-y-4">
      <Button
        variant="secondary"
        disabled={exportData.isPending}
        onClick={() => exportData.mutate(undefined, { onError: (e) => toast({ title: "Export failed", description: e.message, tone: "error" }) })}
      >
        {exportData.isPending && <Spinner label="Preparing" />}
        Download my data (JSON)
      </Button>
      {confirming ? (
        <form onSubmit={onDelete} noValidate aria-label="Delete account" className="w-full space-y-3 rounded-xl border border-red-200 bg-red-50 p-4">
          <p className="text-sm text-red-950">
            This deletes your account, addresses and sign-ins for good. Your orders stay for our accounts, without your name or street.
          </p>
          <FormAlert message={errors.root?.server?.message} />
          <PasswordField label="Password" autoComplete="current-password" error={errors.password?.message} {...form.register("password")} />
          <div className="flex gap-2">
            <Button type="submit" variant="danger" disabled={deleteAccount.isPending}>
              {deleteAccount.isPending && <Spinner label="Deleting" />}
              Delete my account
            </Button>
            <Button variant="ghost" onClick={() => setConfirming(false)}>
              Keep my account
            </Button>
          </div>
        </form>
      ) : (
        <Button variant="danger" onClick={() => setConfirming(true)}>
          Delete account…
        </Button>
      )}
    </div>
  );
}
