import { ComingSoon } from "./coming-soon";

export default function CatalogPlaceholderPage() {
  return <ComingSoon title="Catalog" icon="🍎" description="Editing sectors, brands and products, stock changes and CSV import will live here." />;
}
