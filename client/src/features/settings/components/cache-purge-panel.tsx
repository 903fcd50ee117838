import { useState } from "react";
import { cachePurge } from "@shared/contracts/settings";
import { Button } from "@client/components/ui/button";
import { ConfirmDialog } from "@client/components/ui/confirm-dialog";
import { TextField } from "@client/components/ui/text-field";
import { useToast } from "@client/components/ui/toast";
import { usePurgeCache } from "../api/admin-settings";

/** POST /cache/purge behind a confirmation: the next reads of every replica go to the database. */
export function CachePurgePanel() {
  const purge = usePurgeCache();
  const { toast } = useToast();
  const [namespace, setNamespace] = useState("");
  const [confirming, setConfirming] = useState(false);
  const parsed = cachePurge.safeParse({ namespace: namespace.trim() || undefined });
  const fieldError = parsed.success ? undefined : parsed.error.issues[0]?.message;
  const target = parsed.success && parsed.data.namespace ? `the “${parsed.data.namespace}” cache` : "every cache namespace";

  return (
    <form
      aria-label="Purge cache"
      noValidate
      className="space-y-4 rounded-lg border border-stone-200 p-4"
      onSubmit={(event) => {
        event.preventDefault();
        if (parsed.success) setConfirming(true);
      }}
    >
      <TextField
        label="Namespace"
        hint="Optional: a name or prefix such as catalog. Leave empty to empty the whole cache."
        autoComplete="off"
        className="max-w-xs"
        value={namespace}
        error={namespace ? fieldError : undefined}
        onChange={(event) => setNamespace(event.target.value)}
      />
      <Button type="submit" variant="danger" disabled={!parsed.success}>
        Purge cache
      </Button>
      <ConfirmDialog
        open={confirming}
        onOpenChange={(open) => {
          setConfirming(open);
          if (!open) purge.reset();
        }}
        title="Purge the cache?"
        description={`This empties ${target} on every replica. Pages stay correct but are slower until the cache fills again.`}
        confirmLabel="Purge"
        tone="danger"
        pending={purge.isPending}
        error={purge.error?.message}
        onConfirm={() =>
          purge.mutate(parsed.success ? parsed.data.namespace : undefined, {
            onSuccess: (result) => {
              setConfirming(false);
              toast({ title: "Cache purged", description: `${result.purged} ${result.purged === 1 ? "namespace" : "namespaces"} emptied.`, tone: "success" });
            },
          })
        }
      />
    </form>
  );
}
