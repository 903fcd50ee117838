import { ConsolePageHeader, ConsoleShell } from "@client/app/console-shell";
import { EmptyState } from "@client/components/ui/empty-state";

/** Placeholder for the staff dashboard (its own issue): guarded for staff and admins, its own lazy chunk. */
export default function DashboardPage() {
  return (
    <ConsoleShell area="Dashboard">
      <title>Dashboard · FruitfulPlanet</title>
      <ConsolePageHeader title="Live dashboard" />
      <EmptyState icon="📈" title="The live dashboard is coming" description="Orders, revenue, traffic and server health, updating every second, will appear here." />
    </ConsoleShell>
  );
}
