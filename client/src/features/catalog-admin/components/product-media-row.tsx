import { useState } from "react";
import { MEDIA_LIMITS, mediaUpdate, type MediaUpdate, type ProductMedia } from "@shared/contracts/media";
import type { ProductOption } from "@shared/contracts/variants";
import { Button } from "@client/components/ui/button";
import { ProductImage } from "@client/components/ui/product-image";
import { controlClasses } from "@client/components/ui/field-styles";
import { TextField } from "@client/components/ui/text-field";
import { isApiError } from "@client/lib/api";

interface MediaRowProps {
  media: ProductMedia;
  index: number;
  count: number;
  busy: boolean;
  onMove: (by: -1 | 1) => void;
  /** The product's options: a picture may be bound to one of their values (ADR 068). */
  options: readonly ProductOption[];
  onSave: (change: MediaUpdate) => Promise<unknown>;
  onDelete: () => void;
}

/** "Colour\u0000Red" ↔ { name, value } for the binding's <select>; "" is every variant. */
const SEPARATOR = "\u0000";
const bindingKey = (bound: ProductMedia["optionValue"]) => (bound ? `${bound.name}${SEPARATOR}${bound.value}` : "");

/** One stored picture: its description (saved with its own button), the option value it shows, up / down, delete. */
export function MediaRow({ media, index, count, busy, onMove, options, onSave, onDelete }: MediaRowProps) {
  const [alt, setAlt] = useState(media.alt);
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const label = `picture ${index + 1}`;

  async function save() {
    const parsed = mediaUpdate.safeParse({ alt });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message);
    setSaving(true);
    try {
      await onSave({ alt: parsed.data.alt });
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
        {options.length > 0 && <BindingSelect label={label} media={media} options={options} onSave={onSave} />}
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

/** Binds the picture to one option value (saved on change): the storefront shows it first for that choice. */
function BindingSelect({ label, media, options, onSave }: Pick<MediaRowProps, "media" | "options" | "onSave"> & { label: string }) {
  const [status, setStatus] = useState<{ tone: "error" | "ok"; text: string }>();
  const id = `binding-${media.id}`;
  async function change(key: string) {
    const [name, value] = key.split(SEPARATOR);
    try {
      await onSave({ optionValue: name && value ? { name, value } : null });
      setStatus({ tone: "ok", text: "Saved" });
    } catch (failure) {
      setStatus({ tone: "error", text: isApiError(failure) ? failure.message : "Could not save the choice." });
    }
  }
  return (
    <div className="mt-2">
      <label htmlFor={id} className="text-xs font-medium text-stone-800">
        Shown first for<span className="sr-only"> ({label})</span>
      </label>
      <select
        id={id}
        value={bindingKey(media.optionValue)}
        onChange={(e) => void change(e.target.value)}
        aria-describedby={status ? `${id}-status` : undefined}
        className={controlClasses({ className: "mt-1 h-8 w-auto pr-8 text-xs" })}
      >
        <option value="">Every variant</option>
        {options.flatMap((o) =>
          o.values.map((v) => (
            <option key={`${o.name}:${v}`} value={bindingKey({ name: o.name, value: v })}>
              {o.name}: {v}
            </option>
          )),
        )}
      </select>
      {status && (
        <p id={`${id}-status`} role="status" className={`mt-1 text-xs ${status.tone === "error" ? "font-medium text-red-700" : "text-stone-600"}`}>
          {status.text}
        </p>
      )}
    </div>
  );
}
