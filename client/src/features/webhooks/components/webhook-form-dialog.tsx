import { zodResolver } from "@hookform/resolvers/zod";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { webhookCreate, webhookEventTypes, type WebhookEndpointWithSecret } from "@shared/contracts/webhooks";
import { Button } from "@client/components/ui/button";
import { Dialog, DialogActions } from "@client/components/ui/dialog";
import { FormAlert } from "@client/components/ui/form-alert";
import { TextField } from "@client/components/ui/text-field";
import { applyServerError } from "@client/lib/form-errors";
import { useCreateWebhook } from "../api/webhooks";
import { SECRET_DESCRIPTION, SECRET_TITLE, SecretReveal } from "./secret-dialog";

type FormValues = z.input<typeof webhookCreate>;
const FIELDS = ["url", "events", "description"] as const;

/** Adds an endpoint (schema: webhookCreate), then shows its signing secret once. */
export function WebhookFormDialog({ onClose }: { onClose: () => void }) {
  const formId = useId();
  const create = useCreateWebhook();
  const [created, setCreated] = useState<WebhookEndpointWithSecret | undefined>();
  const form = useForm<FormValues, unknown, z.output<typeof webhookCreate>>({
    resolver: zodResolver(webhookCreate),
    defaultValues: { url: "", events: [], description: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const pending = isSubmitting || create.isPending;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      setCreated(await create.mutateAsync({ ...values, description: values.description || undefined }));
    } catch (error) {
      applyServerError(error, form.setError, { fields: FIELDS });
    }
  });

  // One dialog for both steps: the secret replaces the form once the endpoint exists.
  if (created) {
    return (
      <Dialog
        open
        onOpenChange={(open) => !open && onClose()}
        title={SECRET_TITLE}
        description={SECRET_DESCRIPTION}
        footer={<Button onClick={onClose}>I have stored the secret</Button>}
      >
        <SecretReveal endpoint={created} />
      </Dialog>
    );
  }

  const eventsError = errors.events?.message ?? errors.events?.root?.message;
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title="New webhook endpoint"
      description="We POST signed JSON to this URL whenever a chosen event happens."
      dismissible={!pending}
      size="lg"
      footer={<DialogActions form={formId} pending={pending} label="Create endpoint" />}
    >
      <form id={formId} onSubmit={onSubmit} noValidate aria-label="New webhook endpoint" className="space-y-4">
        <FormAlert message={errors.root?.server?.message} />
        <TextField
          label="URL"
          type="url"
          inputMode="url"
          autoComplete="off"
          placeholder="https://example.com/webhooks"
          error={errors.url?.message}
          {...form.register("url")}
        />
        <fieldset aria-describedby={eventsError ? `${formId}-events-error` : undefined}>
          <legend className="mb-2 text-sm font-medium text-stone-800">Events</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {webhookEventTypes.map((event) => (
              <label key={event} className="flex items-center gap-2 text-sm text-stone-800">
                <input
                  type="checkbox"
                  value={event}
                  className="h-4 w-4 rounded border-stone-300 text-brand-700 focus-visible:outline-2 focus-visible:outline-brand-600"
                  {...form.register("events")}
                />
                <code className="font-mono text-xs">{event}</code>
              </label>
            ))}
          </div>
          {eventsError && (
            <p id={`${formId}-events-error`} className="mt-1 text-sm text-red-700">
              {eventsError}
            </p>
          )}
        </fieldset>
        <TextField
          label="Description"
          hint="Optional: who receives this and why"
          autoComplete="off"
          error={errors.description?.message}
          {...form.register("description")}
        />
      </form>
    </Dialog>
  );
}
