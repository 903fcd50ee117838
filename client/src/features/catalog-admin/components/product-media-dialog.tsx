import { useEffect, useId, useRef, useState, type DragEvent } from "react";
import type { Product } from "@shared/contracts/catalog";
import { MEDIA_LIMITS, MEDIA_UPLOAD_TYPES, mediaUpdate } from "@shared/contracts/media";
import { Button } from "@client/components/ui/button";
import { Dialog } from "@client/components/ui/dialog";
import { FormAlert } from "@client/components/ui/form-alert";
import { TextField } from "@client/components/ui/text-field";
import { useToast } from "@client/components/ui/toast";
import { isApiError } from "@client/lib/api";
import { useProductMedia } from "@client/features/catalog/api/media";
import { useMediaWrites } from "../api/media";
import { MediaRow } from "./product-media-row";

interface Pending {
  key: string;
  file: File;
  preview: string;
  alt: string;
  error?: string;
  /** 0–1 while its bytes are sent; 1 while the server processes it. */
  progress?: number;
}

const messageOf = (error: unknown) => (isApiError(error) ? error.message : "Something went wrong. Please try again.");
const altError = (alt: string) => mediaUpdate.safeParse({ alt }).error?.issues[0]?.message;

/** The browser's cheap checks before any byte is sent; the server checks the content again. */
function fileProblem(file: File): string | undefined {
  if (!(MEDIA_UPLOAD_TYPES as readonly string[]).includes(file.type)) return `${file.name} is not a PNG, JPEG, WebP or AVIF image.`;
  if (file.size > MEDIA_LIMITS.maxBytes) return `${file.name} is larger than ${MEDIA_LIMITS.maxBytes / 1048576} MB.`;
  return undefined;
}

/**
 * A product's pictures in the console: drop files (or pick them), describe each (alt text is required), upload
 * with progress; the stored pictures can be described again, moved up and down (the first is the primary
 * picture on cards and in search results) and deleted.
 */
export function ProductMediaDialog({ product, onClose }: { product: Product; onClose: () => void }) {
  const id = useId();
  const gallery = useProductMedia(product.id);
  const writes = useMediaWrites(product.id);
  const { toast } = useToast();
  const [pending, setPending] = useState<Pending[]>([]);
  const [problem, setProblem] = useState<string>();
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const previews = useRef(new Set<string>());
  useEffect(() => () => previews.current.forEach((url) => URL.revokeObjectURL(url)), []);

  const media = gallery.data?.data ?? [];
  const uploading = pending.some((p) => p.progress !== undefined);

  function add(files: FileList | File[]) {
    const problems: string[] = [];
    const accepted: Pending[] = [];
    for (const file of Array.from(files)) {
      const bad = fileProblem(file);
      if (bad) problems.push(bad);
      else {
        const preview = URL.createObjectURL(file);
        previews.current.add(preview);
        accepted.push({ key: `${file.name}-${file.size}-${Math.random()}`, file, preview, alt: "" });
      }
    }
    setProblem(problems.join(" ") || undefined);
    setPending((list) => [...list, ...accepted]);
  }
  const patch = (key: string, change: Partial<Pending>) => setPending((list) => list.map((p) => (p.key === key ? { ...p, ...change } : p)));

  async function uploadAll() {
    let failed = false;
    for (const item of pending) {
      const invalid = altError(item.alt);
      if (invalid) {
        patch(item.key, { error: invalid });
        failed = true;
      }
    }
    if (failed) return;
    for (const item of pending) {
      patch(item.key, { progress: 0, error: undefined });
      try {
        await writes.upload.mutateAsync({ file: item.file, alt: item.alt.trim(), onProgress: (p) => patch(item.key, { progress: p.fraction }) });
        setPending((list) => list.filter((p) => p.key !== item.key));
        toast({ title: `${item.file.name} was added`, tone: "success" });
      } catch (error) {
        patch(item.key, { progress: undefined, error: messageOf(error) });
      }
    }
  }

  function move(index: number, by: -1 | 1) {
    const ids = media.map((m) => m.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved!);
    writes.reorder.mutate({ ids }, { onError: (error) => setProblem(messageOf(error)) });
  }

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (event.dataTransfer.files.length) add(event.dataTransfer.files);
  };

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && !uploading && onClose()}
      dismissible={!uploading}
      size="lg"
      title={`Pictures of ${product.name}`}
      description="The first picture is the one shown on cards, in search results and when the page is shared."
      footer={
        <Button variant="secondary" onClick={onClose} disabled={uploading}>
          Done
        </Button>
      }
    >
      <div className="mt-4 space-y-5">
        <FormAlert message={problem} />
        <div
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          data-testid="media-drop-zone"
          className={`rounded-2xl border-2 border-dashed p-6 text-center text-sm ${dragging ? "border-brand-600 bg-brand-50" : "border-stone-300 bg-stone-50"}`}
        >
          <p className="text-stone-700">Drop PNG, JPEG, WebP or AVIF pictures here (up to {MEDIA_LIMITS.maxBytes / 1048576} MB each), or</p>
          <input
            ref={inputRef}
            id={`${id}-files`}
            type="file"
            multiple
            accept={MEDIA_UPLOAD_TYPES.join(",")}
            className="sr-only"
            onChange={(event) => {
              if (event.target.files) add(event.target.files);
              event.target.value = "";
            }}
          />
          <Button variant="secondary" size="sm" className="mt-2" onClick={() => inputRef.current?.click()}>
            Choose pictures…
          </Button>
        </div>

        {pending.length > 0 && (
          <section aria-labelledby={`${id}-pending`} className="space-y-3">
            <h3 id={`${id}-pending`} className="text-sm font-semibold text-stone-900">
              To upload
            </h3>
            <ul className="space-y-3">
              {pending.map((item) => (
                <li key={item.key} className="flex items-start gap-3">
                  <img src={item.preview} alt="" width={64} height={64} className="size-16 shrink-0 rounded-lg bg-stone-100 object-cover" />
                  <div className="min-w-0 flex-1 space-y-1">
                    <TextField
                      label={`Description of ${item.file.name}`}
                      hint="What the picture shows, for people who cannot see it."
                      value={item.alt}
                      maxLength={MEDIA_LIMITS.altMaxLength}
                      disabled={item.progress !== undefined}
                      error={item.error}
                      onChange={(event) => patch(item.key, { alt: event.target.value, error: undefined })}
                    />
                    {item.progress !== undefined && (
                      <progress
                        max={1}
                        value={item.progress < 1 ? item.progress : undefined}
                        aria-label={item.progress < 1 ? `Uploading ${item.file.name}` : `Processing ${item.file.name}`}
                        className="h-2 w-full"
                      />
                    )}
                  </div>
                  <Button
                    variant="ghost"
                    size="sm"
                    disabled={item.progress !== undefined}
                    onClick={() => setPending((list) => list.filter((p) => p.key !== item.key))}
                  >
                    Remove<span className="sr-only"> {item.file.name}</span>
                  </Button>
                </li>
              ))}
            </ul>
            <Button onClick={() => void uploadAll()} disabled={uploading}>
              {uploading ? "Uploading…" : pending.length === 1 ? "Upload picture" : `Upload ${pending.length} pictures`}
            </Button>
          </section>
        )}

        <section aria-labelledby={`${id}-stored`} className="space-y-3">
          <h3 id={`${id}-stored`} className="text-sm font-semibold text-stone-900">
            Pictures ({media.length} of {MEDIA_LIMITS.maxPerProduct})
          </h3>
          {gallery.isPending && <p className="text-sm text-stone-600">Loading pictures…</p>}
          {gallery.isError && <FormAlert message="The pictures could not be loaded." />}
          {gallery.isSuccess && media.length === 0 && <p className="text-sm text-stone-600">No pictures yet: the shop shows a drawing instead.</p>}
          <ol className="space-y-3">
            {media.map((m, index) => (
              <MediaRow
                key={m.id}
                media={m}
                index={index}
                count={media.length}
                busy={writes.reorder.isPending}
                onMove={(by) => move(index, by)}
                options={product.options}
                onSave={(change) => writes.update.mutateAsync({ mediaId: m.id, ...change })}
                onDelete={() =>
                  writes.remove.mutate(m.id, {
                    onSuccess: () => toast({ title: "Picture deleted", tone: "success" }),
                    onError: (error) => setProblem(messageOf(error)),
                  })
                }
              />
            ))}
          </ol>
        </section>
      </div>
    </Dialog>
  );
}
