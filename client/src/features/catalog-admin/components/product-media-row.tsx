import { useState } from "react";
import { MEDIA_LIMITS, mediaUpdate, type ProductMedia } from "@shared/contracts/media";
import { Button } from "@client/components/ui/button";
import { ProductImage } from "@client/components/ui/product-image";
import { TextField } from "@client/components/ui/text-field";
import { isApiError } from "@client/lib/api";

interface MediaRowProps {
  media: ProductMedia;
  index: number;
  count: number;
  busy: boolean;
  onMove: (by: -1 | 1) => void;
  onSaveAlt: (alt: string) => Promise<unknown>;
  onDelete: () => void;
}

/** One stored picture: its description (saved with its own button), up / down, delete. */
export function MediaRow({ media, index, count, busy, onMove, onSaveAlt, onDelete }: MediaRowProps) {
  const [alt, setAlt] = useState(media.alt);
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const label = `picture ${index + 1}`;

  async function save() {
    const parsed = mediaUpdate.safeParse({ alt });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message);
    setSaving(true);
    try {
      await onSaveAlt(parsed.data.alt);
      setError(undefined);
    } catch (failure) {
      setError(isApiError(failure) ? failure.message : "Could not save the description.");
    } finally {
      setSaving(false);
    }
  }

  return (
    <li className="flex items-start gap-3" data-testid="media-row">
      <div className="size-20 shrink-0 overflow-hidden rounded-lg border border-stone-200">
        <ProductImage src={media.src} alt="" size={80} />
      </div>
      <div className="min-w-0 flex-1">
        <TextField
          label={index === 0 ? "Description (primary picture)" : `Description of ${label}`}
          value={alt}
          maxLength={MEDIA_LIMITS.altMaxLength}
          error={error}
          onChange={(event) => setAlt(event.target.value)}
        />
        <p className="mt-1 text-xs text-stone-600">
          {media.width} × {media.height} px
        </p>
      </div>
      <div className="flex shrink-0 flex-wrap justify-end gap-1">
        {alt !== media.alt && (
          <Button size="sm" variant="secondary" onClick={() => void save()} disabled={saving}>
            Save<span className="sr-only"> description of {label}</span>
          </Button>
        )}
        <Button size="sm" variant="ghost" onClick={() => onMove(-1)} disabled={busy || index === 0}>
          Up<span className="sr-only"> (move {label} earlier)</span>
        </Button>
        <Button size="sm" variant="ghost" onClick={() => onMove(1)} disabled={busy || index === count - 1}>
          Down<span className="sr-only"> (move {label} later)</span>
        </Button>
        <Button size="sm" variant="ghost" onClick={onDelete} className="text-red-700 hover:bg-red-50 hover:text-red-800">
          Delete<span className="sr-only"> {label}</span>
        </Button>
      </div>
    </li>
  );
}
