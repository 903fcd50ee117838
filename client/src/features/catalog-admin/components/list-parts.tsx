import type { Sector } from "@shared/contracts/catalog";
import { Button } from "@client/components/ui/button";

/** Row action buttons (Edit / Delete), each naming its row for screen readers. */
export function RowActions({
  name,
  onEdit,
  onDelete,
  deleteLabel = "Delete",
}: {
  name: string;
  onEdit: () => void;
  onDelete: () => void;
  deleteLabel?: string;
}) {
  return (
    <span className="flex justify-end gap-1">
      <Button variant="ghost" size="sm" onClick={onEdit}>
        Edit<span className="sr-only"> {name}</span>
      </Button>
      <Button variant="ghost" size="sm" onClick={onDelete} className="text-red-700 hover:bg-red-50 hover:text-red-800">
        {deleteLabel}
        <span className="sr-only"> {name}</span>
      </Button>
    </span>
  );
}

/** The sector filter's options: every sector, plus the URL's sector while it is not among them (a shared link before the list has loaded, or one deleted since), so it stays selectable. */
export function sectorFilterOptions(sectors: readonly Sector[] | undefined, selected: string | undefined) {
  return [
    ...(sectors ?? []).map((s) => ({ value: s.slug, label: s.name })),
    ...(selected && !sectors?.some((s) => s.slug === selected) ? [{ value: selected, label: selected }] : []),
  ];
}
