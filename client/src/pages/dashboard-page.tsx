import { ConsoleShell } from "@client/app/console-shell";
import { Dashboard } from "@client/features/dashboard/components/dashboard";

/** /dashboard — staff and admins (guarded in App.tsx); a lazy chunk, so Recharts never loads on the storefront. */
export default function DashboardPage() {
  return (
    <ConsoleShell area="Dashboard">
      <Dashboard />
    </ConsoleShell>
  );
}
