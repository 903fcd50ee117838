import type { Product, ProductUpdate } from "@shared/contracts/catalog";
import { Button } from "@client/components/ui/button";

/** What a 412 leaves to decide: the admin's unsaved changes and the product as someone else saved it. */
export interface EditConflict {
  mine: ProductUpdate;
  current: Product;
}

const FIELD_LABELS: Record<string, string> = {
  name: "Name",
  slug: "Slug",
  description: "Description",
  priceCents: "Price",
  stock: "Stock",
  imageUrl: "Image URL",
  status: "Status",
  brandId: "Brand",
  options: "Options",
  variants: "Variants (price and stock per variant)",
};

/** The fields the other save changed since this form loaded `loaded` (what the admin should look at before reapplying). */
export function changedSince(loaded: Product, current: Product): string[] {
  const valueOf = (p: Product, field: string) => (field === "brandId" ? p.brand.id : (p as unknown as Record<string, unknown>)[field]);
  // Options and variants are lists: compared by content (a sale changes a variant's stock, and says so here).
  return Object.keys(FIELD_LABELS).filter((field) => JSON.stringify(valueOf(loaded, field)) !== JSON.stringify(valueOf(current, field)));
}

/**
 * Issue 16 §3: someone saved the product while this admin was editing it. Shows what they changed and offers to
 * reapply this admin's own changes on top of their version, or to discard them.
 */
export function EditConflictPanel({
  conflict,
  loaded,
  onReapply,
  onDiscard,
  pending,
}: {
  conflict: EditConflict;
  loaded: Product;
  onReapply: () => void;
  onDiscard: () => void;
  pending: boolean;
}) {
  const theirs = changedSince(loaded, conflict.current);
  const mine = Object.keys(conflict.mine).map((f) => FIELD_LABELS[f] ?? f);
  return (
    <div role="alertdialog" aria-labelledby="edit-conflict-title" className="mb-4 rounded-md border border-amber-400 bg-amber-50 p-4 text-sm">
      <h3 id="edit-conflict-title" className="font-semibold">
        Someone else saved this product while you were editing it
      </h3>
      <p className="mt-1">
        {theirs.length
          ? `They changed: ${theirs.map((f) => FIELD_LABELS[f]).join(", ")}.`
          : "Their save changed nothing you can see here (for example, stock moved with an order)."}{" "}
        Your changes: {mine.join(", ") || "none"}.
      </p>
      <div className="mt-3 flex gap-2">
        <Button type="button" onClick={onReapply} disabled={pending}>
          Reapply my changes
        </Button>
        <Button type="button" variant="secondary" onClick={onDiscard} disabled={pending}>
          Discard mine
        </Button>
      </div>
    </div>
  );
}
