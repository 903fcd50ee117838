import { useState } from "react";
import type { MfaSetupResponse } from "@shared/contracts/mfa";
import { Button } from "@client/components/ui/button";
import { Spinner } from "@client/components/ui/skeleton";
import { useToast } from "@client/components/ui/toast";
import { useMfaDisable, useMfaEnable, useMfaSetup, useMfaStatus } from "../api/mfa";
import { MfaCodeForm } from "./mfa-code-form";

const sectionClasses = "mt-6 rounded-2xl border border-stone-200 bg-white p-6 shadow-sm";

/** Account page: set up (QR code, first code), show the recovery codes once, or switch two-factor sign-in off. */
export function MfaSettings() {
  const status = useMfaStatus();
  const setup = useMfaSetup();
  const enable = useMfaEnable();
  const disable = useMfaDisable();
  const { toast } = useToast();
  const [pending, setPending] = useState<MfaSetupResponse>();
  const [recoveryCodes, setRecoveryCodes] = useState<string[]>();

  return (
    <section aria-labelledby="mfa-title" className={sectionClasses}>
      <h2 id="mfa-title" className="text-lg font-semibold text-stone-900">
        Two-factor sign-in
      </h2>
      {status.isPending ? (
        <Spinner label="Loading two-factor sign-in status" />
      ) : status.isError ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          Could not load the two-factor status. Reload the page to try again.
        </p>
      ) : recoveryCodes ? (
        <div className="mt-3 space-y-3">
          <p className="text-sm text-stone-700">
            Two-factor sign-in is on. Save these recovery codes somewhere safe: each signs you in once if you lose your phone, and they are shown only now.
          </p>
          <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-2 font-mono text-sm">
            {recoveryCodes.map((code) => (
              <li key={code} className="rounded bg-stone-100 px-2 py-1">
                {code}
              </li>
            ))}
          </ul>
          <Button variant="secondary" onClick={() => setRecoveryCodes(undefined)}>
            I have saved them
          </Button>
        </div>
      ) : status.data.enabled ? (
        <div className="mt-3 space-y-3">
          <p className="text-sm text-stone-700">
            On. Signing in asks for a code from your authenticator app. Recovery codes left: {status.data.recoveryCodesLeft}.
          </p>
          {status.data.required ? (
            <p className="text-sm text-stone-600">Your role must use two-factor sign-in, so it cannot be turned off.</p>
          ) : (
            <MfaCodeForm
              label="Turn off two-factor sign-in"
              submitLabel="Turn off"
              onSubmit={async (body) => {
                await disable.mutateAsync(body);
                toast({ title: "Two-factor sign-in is off", tone: "success" });
              }}
            />
          )}
        </div>
      ) : pending ? (
        <div className="mt-3 space-y-4">
          <p className="text-sm text-stone-700">Scan this code with an authenticator app, then enter the 6-digit code it shows.</p>
          <img src={`data:image/svg+xml;utf8,${encodeURIComponent(pending.qrSvg)}`} alt="QR code for your authenticator app" width={192} height={192} />
          <p className="text-sm text-stone-600">
            Cannot scan? Enter this key: <code className="break-all font-mono">{pending.secret}</code>
          </p>
          <MfaCodeForm
            label="Turn on two-factor sign-in"
            submitLabel="Turn on"
            allowRecovery={false}
            onSubmit={async (body) => {
              if (!("code" in body)) return;
              const { recoveryCodes: codes } = await enable.mutateAsync({ code: body.code });
              setPending(undefined);
              setRecoveryCodes(codes);
            }}
          />
        </div>
      ) : (
        <div className="mt-3 space-y-3">
          <p className="text-sm text-stone-700">
            {status.data.required
              ? "Your role must use two-factor sign-in: set it up to continue."
              : "Off. Add a code from an authenticator app to every sign-in."}
          </p>
          <Button disabled={setup.isPending} onClick={() => setup.mutate(undefined, { onSuccess: setPending })}>
            {setup.isPending && <Spinner label="Preparing" />}
            Set up two-factor sign-in
          </Button>
        </div>
      )}
    </section>
  );
}
