import { useRoute } from "wouter";
import { ConsolePageHeader } from "@client/app/console-shell";
import { DeliveryList } from "@client/features/webhooks/components/delivery-list";
import { WEBHOOKS_PATH, WebhookList } from "@client/features/webhooks/components/webhook-list";

export default function WebhooksPage() {
  const [, params] = useRoute<{ id: string }>(`${WEBHOOKS_PATH}/:id`);
  return (
    <>
      <title>Webhooks · Admin · FruitfulPlanet</title>
      <ConsolePageHeader
        title={params ? "Webhook deliveries" : "Webhooks"}
        description={
          params
            ? "Each delivery with its payload, the receiver's answer, and retry."
            : "Signed HTTP callbacks to other systems when orders and products change."
        }
      />
      {params ? <DeliveryList endpointId={params.id} /> : <WebhookList />}
    </>
  );
}
