import { Inbox } from "lucide-react";
import { Link } from "wouter";
import type { WebhookDelivery } from "@shared/contracts/webhooks";
import { Button } from "@client/components/ui/button";
import { EmptyState } from "@client/components/ui/empty-state";
import { ListScaffold } from "@client/components/ui/list-scaffold";
import { useToast } from "@client/components/ui/toast";
import { formatDate, formatTime } from "@client/lib/dates";
import { useDeliveryPages, useRetryDelivery, useWebhooks } from "../api/webhooks";
import { WEBHOOKS_PATH } from "./webhook-list";

const statusStyles: Record<WebhookDelivery["status"], string> = {
  pending: "bg-amber-50 text-amber-800 ring-amber-200",
  succeeded: "bg-green-50 text-green-800 ring-green-200",
  failed: "bg-red-50 text-red-800 ring-red-200",
};

function DeliveryItem({ delivery }: { delivery: WebhookDelivery }) {
  const retry = useRetryDelivery();
  const { toast } = useToast();
  const when = `${formatDate(delivery.createdAt)} ${formatTime(delivery.createdAt)}`;
  return (
    <li className="rounded-2xl border border-stone-200 bg-white shadow-sm">
      <details>
        <summary className="flex cursor-pointer flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 text-sm focus-visible:outline-2 focus-visible:outline-brand-600">
          <code className="font-mono text-xs font-semibold">{delivery.event}</code>
          <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium capitalize ring-1 ring-inset ${statusStyles[delivery.status]}`}>
            {delivery.status}
          </span>
          <span className="text-stone-600">
            {delivery.attempts} {delivery.attempts === 1 ? "attempt" : "attempts"}
          </span>
          <span className="text-stone-600">{delivery.responseStatus ? `HTTP ${delivery.responseStatus}` : "no response"}</span>
          {delivery.durationMs !== null && <span className="text-stone-600">{delivery.durationMs} ms</span>}
          <span className="ml-auto text-stone-500">{when}</span>
        </summary>
        <div className="space-y-3 border-t border-stone-100 px-4 py-3 text-sm">
          {delivery.error && <p className="text-red-800">Last error: {delivery.error}</p>}
          {delivery.status === "pending" && delivery.nextAttemptAt && (
            <p className="text-stone-700">
              Next attempt {formatDate(delivery.nextAttemptAt)} {formatTime(delivery.nextAttemptAt)}
            </p>
          )}
          <div>
            <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-stone-600">Payload</h3>
            <pre tabIndex={0} className="max-h-64 overflow-auto rounded-lg bg-stone-50 p-3 font-mono text-xs">
              {JSON.stringify(delivery.payload, null, 2)}
            </pre>
          </div>
          <div>
            <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-stone-600">Response</h3>
            <pre tabIndex={0} className="max-h-40 overflow-auto whitespace-pre-wrap rounded-lg bg-stone-50 p-3 font-mono text-xs">
              {delivery.responseBody || "(empty)"}
            </pre>
          </div>
          {delivery.status !== "pending" && (
            <Button
              size="sm"
              variant="secondary"
              disabled={retry.isPending}
              onClick={() =>
                retry.mutate(
                  { endpointId: delivery.endpointId, deliveryId: delivery.id },
                  {
                    onSuccess: () => toast({ title: "Delivery queued again", tone: "success" }),
                    onError: (error) => toast({ title: "Not retried", description: error.message, tone: "error" }),
                  },
                )
              }
            >
              Retry now
            </Button>
          )}
        </div>
      </details>
    </li>
  );
}

/** One endpoint's deliveries, newest first; each opens to its payload and the receiver's answer. */
export function DeliveryList({ endpointId }: { endpointId: string }) {
  const endpoint = useWebhooks().data?.data.find((e) => e.id === endpointId);
  const query = useDeliveryPages(endpointId);
  const deliveries = query.data?.pages.flatMap((p) => p.data) ?? [];
  return (
    <div>
      <p className="mb-4 text-sm">
        <Link href={WEBHOOKS_PATH} className="font-medium text-brand-800 underline-offset-2 hover:underline">
          ← All endpoints
        </Link>
        {endpoint && <span className="ml-3 break-all text-stone-700">{endpoint.url}</span>}
      </p>
      <ListScaffold
        noun="delivery"
        plural="deliveries"
        query={query}
        items={deliveries}
        pages={query}
        moreLabel="older deliveries available"
        loadMoreLabel="Load older deliveries"
        loadingMoreLabel="Loading older deliveries"
        empty={<EmptyState icon={Inbox} title="No deliveries yet" description="Events this endpoint subscribes to, and pings, appear here." />}
      >
        {(rows) => (
          <ul aria-label="Deliveries" aria-busy={query.isFetching || undefined} className="space-y-2">
            {rows.map((delivery) => (
              <DeliveryItem key={delivery.id} delivery={delivery} />
            ))}
          </ul>
        )}
      </ListScaffold>
    </div>
  );
}
