import { useState } from "react";
import type { WebhookEndpointWithSecret } from "@shared/contracts/webhooks";
import { Button } from "@client/components/ui/button";

export const SECRET_TITLE = "Copy the signing secret now";
export const SECRET_DESCRIPTION = "This is the only time it is shown. Receivers verify the webhook-signature header with it (Standard Webhooks).";

/** The signing secret, shown this once (the server never returns it again), with a copy button. */
export function SecretReveal({ endpoint }: { endpoint: WebhookEndpointWithSecret }) {
  const [copied, setCopied] = useState(false);
  const copy = () =>
    navigator.clipboard.writeText(endpoint.secret).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <div>
      <p className="mb-2 text-sm text-stone-700">
        Endpoint <span className="break-all font-medium">{endpoint.url}</span>
      </p>
      <div className="flex items-center gap-2">
        <code
          data-testid="webhook-secret"
          tabIndex={0}
          className="min-w-0 flex-1 break-all rounded-lg border border-stone-200 bg-stone-50 px-3 py-2 font-mono text-xs text-stone-900"
        >
          {endpoint.secret}
        </code>
        <Button variant="secondary" size="sm" onClick={() => void copy()}>
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      <p role="status" className="sr-only">
        {copied ? "Secret copied to the clipboard" : ""}
      </p>
    </div>
  );
}
