import { ComingSoon } from "./coming-soon";

export default function OrdersPlaceholderPage() {
  return <ComingSoon title="Orders" icon="📦" description="Every order with its payments and status history will live here." />;
}
