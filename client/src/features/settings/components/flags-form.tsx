import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { featureFlagsUpdate, type FeatureFlags } from "@shared/contracts/settings";
import { Button } from "@client/components/ui/button";
import { FormAlert } from "@client/components/ui/form-alert";
import { TextField } from "@client/components/ui/text-field";
import { useToast } from "@client/components/ui/toast";
import { applyServerError } from "@client/lib/form-errors";
import { useUpdateFlags } from "../api/admin-settings";
import { flagsOptions } from "../api/flags";

type FormValues = z.input<typeof featureFlagsUpdate>;
const FIELDS = ["guestCheckout", "registrationOpen", "maintenanceMode", "lowStockThreshold"] as const;

const SWITCHES: Array<{ name: "guestCheckout" | "registrationOpen" | "maintenanceMode"; label: string; hint: string }> = [
  { name: "guestCheckout", label: "Guest checkout", hint: "Shoppers may order without an account." },
  { name: "registrationOpen", label: "Registration open", hint: "New customers may create accounts." },
  { name: "maintenanceMode", label: "Maintenance mode", hint: "Shoppers see the maintenance page; only admins use the shop and the API." },
];

/** The runtime flags (PATCH /settings/flags, schema featureFlagsUpdate): every replica applies a save within a second. */
export function FlagsForm() {
  const flags = useQuery(flagsOptions());
  const update = useUpdateFlags();
  const { toast } = useToast();
  const form = useForm<FormValues, unknown, z.output<typeof featureFlagsUpdate>>({
    resolver: zodResolver(featureFlagsUpdate),
    // Follows the server's values (another admin's change) without dropping what this admin is editing.
    values: flags.data as FeatureFlags | undefined,
    resetOptions: { keepDirtyValues: true },
  });
  const { errors, isSubmitting, isDirty, dirtyFields } = form.formState;

  if (!flags.data) return <p className="text-sm text-stone-600">{flags.isError ? "The flags could not be loaded." : "Loading flags…"}</p>;

  const onSubmit = form.handleSubmit(async (values) => {
    // Only what changed: the audit entry then names exactly the flags this admin switched.
    const patch = Object.fromEntries(Object.entries(values).filter(([name]) => dirtyFields[name as keyof FormValues]));
    try {
      form.reset(await update.mutateAsync(patch));
      toast({ title: "Flags saved", description: "Every replica applies them within a second.", tone: "success" });
    } catch (error) {
      applyServerError(error, form.setError, { fields: FIELDS });
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Feature flags" className="space-y-4 rounded-lg border border-stone-200 p-4">
      <FormAlert message={errors.root?.server?.message} />
      <fieldset className="space-y-3">
        <legend className="mb-1 text-sm font-medium text-stone-800">Switches</legend>
        {SWITCHES.map(({ name, label, hint }) => (
          <label key={name} className="flex items-start gap-3 text-sm">
            <input
              type="checkbox"
              role="switch"
              className="mt-0.5 h-4 w-4 rounded border-stone-300 text-brand-700 focus-visible:outline-2 focus-visible:outline-brand-600"
              aria-describedby={`flag-${name}-hint`}
              {...form.register(name)}
            />
            <span>
              <span className="font-medium text-stone-900">{label}</span>
              <span id={`flag-${name}-hint`} className="block text-stone-600">
                {hint}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <TextField
        label="Low-stock threshold"
        hint="Staff are notified when a sale leaves a product at or below this (products with their own threshold keep it)."
        type="number"
        inputMode="numeric"
        min={0}
        className="max-w-40"
        error={errors.lowStockThreshold?.message}
        {...form.register("lowStockThreshold", { valueAsNumber: true })}
      />
      <Button type="submit" disabled={!isDirty || isSubmitting}>
        Save flags
      </Button>
    </form>
  );
}
