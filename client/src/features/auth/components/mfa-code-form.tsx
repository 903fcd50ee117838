import { useState } from "react";
import { useForm } from "react-hook-form";
import { recoveryCode, totpCode } from "@shared/contracts/mfa";
import { Button } from "@client/components/ui/button";
import { Spinner } from "@client/components/ui/skeleton";
import { TextField } from "@client/components/ui/text-field";
import { applyServerError } from "@client/lib/form-errors";
import { FormAlert } from "@client/components/ui/form-alert";

interface CodeFields {
  value: string;
}

/**
 * One code field for the second sign-in step or for switching two-factor sign-in off: the authenticator's
 * 6-digit code, or (after "Use a recovery code") one of the recovery codes. Validated with the shared schemas.
 */
export function MfaCodeForm({
  label,
  submitLabel,
  onSubmit,
  allowRecovery = true,
}: {
  label: string;
  submitLabel: string;
  onSubmit: (body: { code: string } | { recoveryCode: string }) => Promise<unknown>;
  allowRecovery?: boolean;
}) {
  const [mode, setMode] = useState<"code" | "recovery">("code");
  const form = useForm<CodeFields>({ defaultValues: { value: "" } });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async ({ value }) => {
    const parsed = (mode === "code" ? totpCode : recoveryCode).safeParse(value);
    if (!parsed.success) {
      form.setError("value", { message: parsed.error.issues[0]?.message ?? "Check the code" });
      return;
    }
    try {
      await onSubmit(mode === "code" ? { code: parsed.data } : { recoveryCode: parsed.data });
    } catch (error) {
      form.resetField("value", { keepError: false });
      applyServerError(error, form.setError, {
        fields: [],
        messageForCode: { invalid_credentials: "That code did not work. Try the newest code from your app." },
      });
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label={label} className="space-y-5">
      <FormAlert message={errors.root?.server?.message} />
      <TextField
        label={mode === "code" ? "Code from your authenticator app" : "Recovery code"}
        autoComplete="one-time-code"
        inputMode={mode === "code" ? "numeric" : "text"}
        autoCapitalize="none"
        spellCheck={false}
        hint={mode === "code" ? "6 digits; a new one every 30 seconds." : "One of the codes you saved when you set this up. Each works once."}
        error={errors.value?.message}
        {...form.register("value")}
      />
      <Button type="submit" size="lg" disabled={isSubmitting} className="w-full">
        {isSubmitting && <Spinner label="Checking the code" />}
        {submitLabel}
      </Button>
      {allowRecovery && (
        <button
          type="button"
          className="text-sm font-semibold text-brand-800 underline-offset-2 hover:underline"
          onClick={() => {
            setMode(mode === "code" ? "recovery" : "code");
            form.reset({ value: "" });
          }}
        >
          {mode === "code" ? "Use a recovery code instead" : "Use the code from my app"}
        </button>
      )}
    </form>
  );
}
