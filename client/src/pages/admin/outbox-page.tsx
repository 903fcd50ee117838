import { ConsolePageHeader } from "@client/app/console-shell";
import { OutboxList } from "@client/features/mail/components/outbox-list";

export default function OutboxPage() {
  return (
    <>
      <title>Outbox · Admin · FruitfulPlanet</title>
      <ConsolePageHeader title="Outbox" description="Every e-mail the shop produced, sent or not. Without SMTP_URL this is the only copy." />
      <OutboxList />
    </>
  );
}
