import { Webhook } from "lucide-react";
import { useRef, useState } from "react";
import { Link } from "wouter";
import type { WebhookEndpoint } from "@shared/contracts/webhooks";
import { Button } from "@client/components/ui/button";
import { ConfirmDialog } from "@client/components/ui/confirm-dialog";
import { EmptyState } from "@client/components/ui/empty-state";
import { ListScaffold } from "@client/components/ui/list-scaffold";
import { ActionsTh, Table, TBody, Td, Th, THead, Tr } from "@client/components/ui/table";
import { useToast } from "@client/components/ui/toast";
import { useDeleteWebhook, usePingWebhook, useUpdateWebhook, useWebhooks } from "../api/webhooks";
import { WebhookFormDialog } from "./webhook-form-dialog";

export const WEBHOOKS_PATH = "/admin/webhooks";
const errorText = (error: unknown) => (error instanceof Error ? error.message : "Something went wrong. Please try again.");

function EndpointStatus({ endpoint }: { endpoint: WebhookEndpoint }) {
  if (endpoint.enabled) {
    return (
      <span className="inline-flex rounded-full bg-green-50 px-2 py-0.5 text-xs font-medium text-green-800 ring-1 ring-inset ring-green-200">
        Enabled{endpoint.consecutiveFailures > 0 ? ` · ${endpoint.consecutiveFailures} failing` : ""}
      </span>
    );
  }
  return (
    <div>
      <span className="inline-flex rounded-full bg-red-50 px-2 py-0.5 text-xs font-medium text-red-800 ring-1 ring-inset ring-red-200">Disabled</span>
      {endpoint.disabledReason && <p className="mt-1 max-w-xs text-xs text-red-800">{endpoint.disabledReason}</p>}
    </div>
  );
}

/** The endpoints with their actions: deliveries, ping, enable/disable, delete; and "New endpoint". */
export function WebhookList() {
  const query = useWebhooks();
  const update = useUpdateWebhook();
  const ping = usePingWebhook();
  const remove = useDeleteWebhook();
  const { toast } = useToast();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<WebhookEndpoint | undefined>();
  // Where focus lands after a delete removes the row whose button opened the dialog.
  const listTop = useRef<HTMLDivElement>(null);

  const toggle = (endpoint: WebhookEndpoint) =>
    update.mutate(
      { id: endpoint.id, patch: { enabled: !endpoint.enabled } },
      {
        onSuccess: (saved) => toast({ title: saved.enabled ? "Endpoint enabled" : "Endpoint disabled", tone: "success" }),
        onError: (error) => toast({ title: "The change was not saved", description: errorText(error), tone: "error" }),
      },
    );
  const sendPing = (endpoint: WebhookEndpoint) =>
    ping.mutate(endpoint.id, {
      onSuccess: () => toast({ title: "Ping queued", description: "Its result appears under Deliveries.", tone: "success" }),
      onError: (error) => toast({ title: "No ping sent", description: errorText(error), tone: "error" }),
    });

  const header = (
    <div ref={listTop} tabIndex={-1} className="mb-4 flex justify-end focus:outline-none">
      <Button onClick={() => setCreating(true)}>New endpoint</Button>
    </div>
  );

  return (
    <div>
      {header}
      <ListScaffold
        noun="webhook endpoint"
        query={query}
        items={query.data?.data ?? []}
        empty={
          <EmptyState
            icon={Webhook}
            title="No webhook endpoints yet"
            description="Add one to tell another system when orders are placed, paid or shipped and when products change."
          />
        }
      >
        {(endpoints) => (
          <Table caption="Webhook endpoints" busy={query.isFetching}>
            <THead>
              <tr>
                <Th>URL</Th>
                <Th>Events</Th>
                <Th>Status</Th>
                <ActionsTh />
              </tr>
            </THead>
            <TBody>
              {endpoints.map((endpoint) => (
                <Tr key={endpoint.id}>
                  <Td>
                    <span className="break-all font-medium">{endpoint.url}</span>
                    {endpoint.description && <p className="mt-0.5 text-xs text-stone-600">{endpoint.description}</p>}
                  </Td>
                  <Td>
                    <ul className="space-y-0.5">
                      {endpoint.events.map((event) => (
                        <li key={event} className="font-mono text-xs">
                          {event}
                        </li>
                      ))}
                    </ul>
                  </Td>
                  <Td>
                    <EndpointStatus endpoint={endpoint} />
                  </Td>
                  <Td>
                    <div className="flex flex-wrap gap-2">
                      <Link
                        href={`${WEBHOOKS_PATH}/${endpoint.id}`}
                        className="inline-flex h-8 items-center rounded-lg px-3 text-sm font-medium text-brand-800 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-600"
                        aria-label={`Deliveries of ${endpoint.url}`}
                      >
                        Deliveries
                      </Link>
                      <Button
                        size="sm"
                        variant="secondary"
                        disabled={!endpoint.enabled || ping.isPending}
                        onClick={() => sendPing(endpoint)}
                        aria-label={`Ping ${endpoint.url}`}
                      >
                        Ping
                      </Button>
                      <Button
                        size="sm"
                        variant="secondary"
                        disabled={update.isPending}
                        onClick={() => toggle(endpoint)}
                        aria-label={`${endpoint.enabled ? "Disable" : "Enable"} ${endpoint.url}`}
                      >
                        {endpoint.enabled ? "Disable" : "Enable"}
                      </Button>
                      <Button size="sm" variant="ghost" onClick={() => setDeleting(endpoint)} aria-label={`Delete ${endpoint.url}`}>
                        Delete
                      </Button>
                    </div>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </ListScaffold>
      {creating && <WebhookFormDialog onClose={() => setCreating(false)} />}
      <ConfirmDialog
        open={Boolean(deleting)}
        onOpenChange={(open) => {
          if (!open) {
            setDeleting(undefined);
            remove.reset();
          }
        }}
        title="Delete this endpoint?"
        description={deleting ? `${deleting.url} stops receiving events and its delivery log is deleted.` : undefined}
        confirmLabel="Delete endpoint"
        tone="danger"
        pending={remove.isPending}
        error={remove.error ? errorText(remove.error) : undefined}
        fallbackFocusRef={listTop}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              setDeleting(undefined);
              toast({ title: "Endpoint deleted", tone: "success" });
            },
          })
        }
      />
    </div>
  );
}
