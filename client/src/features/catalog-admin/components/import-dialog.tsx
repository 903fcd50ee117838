import { useEffect, useId, useRef, useState, type ChangeEvent } from "react";
import {
  PRODUCT_IMPORT_MAX_BYTES,
  productCsvColumns,
  requiredProductCsvColumns,
  type ProductImportMode,
  type ProductImportResult,
  type ProductImportRowError,
} from "@shared/contracts/catalog";
import { Button } from "@client/components/ui/button";
import { Dialog } from "@client/components/ui/dialog";
import { FormAlert } from "@client/components/ui/form-alert";
import { Table, TBody, Td, Th, THead, Tr } from "@client/components/ui/table";
import { useToast } from "@client/components/ui/toast";
import { isApiError } from "@client/lib/api";
import { formatCount, pluralize } from "@client/lib/format";
import { rowErrorsFromDetails, useImportProducts } from "../api/import";

/** The preview lists this many row errors; a file with more says how many it left out. */
const MAX_ERRORS_SHOWN = 200;

type Phase =
  | { kind: "idle" }
  | { kind: "uploading"; mode: ProductImportMode; fraction: number }
  | { kind: "processing"; mode: ProductImportMode }
  | { kind: "preview"; result: ProductImportResult }
  | { kind: "failed"; message: string; errors: ProductImportRowError[] };

const formatBytes = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** What went wrong with the file, in the console's words where the server's are too technical. */
function failureOf(error: unknown): { message: string; errors: ProductImportRowError[] } {
  if (!isApiError(error)) return { message: "Something went wrong. Please try again.", errors: [] };
  if (error.code === "payload_too_large")
    return { message: `The file is larger than ${formatBytes(PRODUCT_IMPORT_MAX_BYTES)}. Split it into smaller files.`, errors: [] };
  if (error.code === "import_failed") return { message: error.message, errors: rowErrorsFromDetails(error) };
  return { message: error.message, errors: [] };
}

/**
 * CSV import: choose a file → a dry run shows what would change and every row error → "Apply import" (only
 * with no errors) writes all rows in one transaction. Uploads show their progress, then an indeterminate
 * bar while the server checks or writes the rows.
 */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const id = useId();
  const runImport = useImportProducts();
  const { toast } = useToast();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string>();
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const abortRef = useRef<AbortController | null>(null);
  useEffect(() => () => abortRef.current?.abort(), []);

  const busy = phase.kind === "uploading" || phase.kind === "processing";
  // Once an apply's bytes are all sent, the server is writing: cancelling could no longer take it back.
  const committing = phase.kind === "processing" && phase.mode === "apply";

  async function run(chosen: File, mode: ProductImportMode) {
    abortRef.current?.abort();
    const controller = new AbortController();
    abortRef.current = controller;
    setPhase({ kind: "uploading", mode, fraction: 0 });
    try {
      const result = await runImport(chosen, mode, {
        signal: controller.signal,
        onProgress: ({ fraction }) => setPhase((p) => (p.kind === "uploading" ? { ...p, fraction } : p)),
        onUploaded: () => setPhase({ kind: "processing", mode }),
      });
      if (controller.signal.aborted) return;
      if (mode === "apply") {
        toast({
          title: "Import finished",
          description: `${pluralize(result.created, "product")} created, ${pluralize(result.updated, "product")} updated.`,
          tone: "success",
        });
        onClose();
        return;
      }
      setPhase({ kind: "preview", result });
    } catch (error) {
      if ((error as Error).name === "AbortError") return;
      setPhase({ kind: "failed", ...failureOf(error) });
    }
  }

  function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0] ?? null;
    abortRef.current?.abort();
    setFile(chosen);
    setPhase({ kind: "idle" });
    setFileError(undefined);
    if (!chosen) return;
    // Checked here too, so a large file is refused before minutes of uploading (the server enforces it anyway).
    if (chosen.size > PRODUCT_IMPORT_MAX_BYTES) {
      setFileError(`This file is ${formatBytes(chosen.size)}; the limit is ${formatBytes(PRODUCT_IMPORT_MAX_BYTES)}. Split it into smaller files.`);
      return;
    }
    if (chosen.size === 0) {
      setFileError("This file is empty.");
      return;
    }
    if (!/\.csv$/i.test(chosen.name) && chosen.type !== "text/csv") {
      setFileError("Choose a .csv file (comma-separated values, as the export makes).");
      return;
    }
    void run(chosen, "dry-run");
  }

  function cancel() {
    abortRef.current?.abort();
    onClose();
  }

  const result = phase.kind === "preview" ? phase.result : undefined;
  const errorRows = result ? new Set(result.errors.map((e) => e.row)).size : 0;
  const changes = result ? result.created + result.updated : 0;
  const canApply = Boolean(file && result && result.errors.length === 0 && changes > 0);

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && cancel()}
      title="Import products from CSV"
      description="Rows are matched to products by slug: new slugs create products, known ones update them. Nothing is written until you apply."
      size="lg"
      dismissible={!busy}
      footer={
        <>
          <Button variant="secondary" onClick={cancel} disabled={committing}>
            {phase.kind === "preview" ? "Close" : "Cancel"}
          </Button>
          <Button onClick={() => file && void run(file, "apply")} disabled={!canApply || busy}>
            Apply import
          </Button>
        </>
      }
    >
      <div className="space-y-5">
        <div>
          <label htmlFor={`${id}-file`} className="block text-sm font-medium text-stone-800">
            CSV file
          </label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".csv,text/csv"
            onChange={choose}
            disabled={busy}
            aria-describedby={`${id}-file-hint${fileError ? ` ${id}-file-error` : ""}`}
            aria-invalid={fileError ? true : undefined}
            className="mt-1.5 block w-full text-sm text-stone-700 file:mr-3 file:h-10 file:cursor-pointer file:rounded-lg file:border file:border-stone-300 file:bg-white file:px-4 file:text-sm file:font-medium file:text-stone-800 file:shadow-sm hover:file:bg-stone-50 disabled:opacity-60"
          />
          <p id={`${id}-file-hint`} className="mt-1.5 text-xs text-stone-600">
            Up to {formatBytes(PRODUCT_IMPORT_MAX_BYTES)}. Columns: {productCsvColumns.join(", ")} (required: {requiredProductCsvColumns.join(", ")}). Prices in
            cents. An export is a ready-made template.
          </p>
          {fileError && (
            <p id={`${id}-file-error`} role="alert" className="mt-1.5 text-sm font-medium text-red-700">
              {fileError}
            </p>
          )}
        </div>

        {phase.kind === "uploading" && <ProgressBar label={`Uploading ${file?.name ?? "the file"}`} fraction={phase.fraction} />}
        {phase.kind === "processing" && (
          <ProgressBar label={phase.mode === "apply" ? "Importing the rows… this can take a moment for large files" : "Checking every row…"} />
        )}
        {phase.kind === "failed" && <ImportFailure message={phase.message} errors={phase.errors} />}
        {result && <ImportPreview result={result} errorRows={errorRows} />}
      </div>
    </Dialog>
  );
}

/** Determinate while bytes are sent (fraction), indeterminate while the server works (no fraction). */
function ProgressBar({ label, fraction }: { label: string; fraction?: number }) {
  const percent = fraction === undefined ? undefined : Math.round(fraction * 100);
  return (
    <div data-testid="import-progress">
      <div className="mb-1.5 flex justify-between text-sm text-stone-700">
        <span>{label}</span>
        {percent !== undefined && <span className="tabular-nums">{percent}%</span>}
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={percent === undefined ? undefined : 0}
        aria-valuemax={percent === undefined ? undefined : 100}
        aria-valuenow={percent}
        className="relative h-2.5 overflow-hidden rounded-full bg-stone-200"
      >
        {percent === undefined ? (
          <div className="h-full w-full animate-pulse rounded-full bg-brand-600/70 motion-reduce:animate-none" />
        ) : (
          <div className="h-full rounded-full bg-brand-600 transition-[width] duration-200" style={{ width: `${percent}%` }} />
        )}
      </div>
    </div>
  );
}

function Stat({ label, value, tone = "default" }: { label: string; value: number; tone?: "default" | "bad" }) {
  return (
    <div
      className={`rounded-xl border px-3 py-2.5 sm:px-4 sm:py-3 ${tone === "bad" && value > 0 ? "border-red-200 bg-red-50" : "border-stone-200 bg-stone-50"}`}
    >
      <dt className="truncate text-xs font-medium uppercase tracking-wide text-stone-600">{label}</dt>
      <dd className={`mt-1 text-2xl font-semibold tabular-nums ${tone === "bad" && value > 0 ? "text-red-800" : "text-stone-900"}`}>{formatCount(value)}</dd>
    </div>
  );
}

function ImportPreview({ result, errorRows }: { result: ProductImportResult; errorRows: number }) {
  const unchanged = Math.max(0, result.rows - result.created - result.updated - errorRows);
  return (
    <section aria-label="Dry run result" className="space-y-4" data-testid="import-preview">
      <dl className="grid grid-cols-3 gap-2 sm:grid-cols-5 sm:gap-3">
        <Stat label="Rows" value={result.rows} />
        <Stat label="New" value={result.created} />
        <Stat label="Updated" value={result.updated} />
        <Stat label="Unchanged" value={unchanged} />
        <Stat label="Invalid" value={errorRows} tone="bad" />
      </dl>
      {result.errors.length > 0 ? (
        <>
          <FormAlert
            message={
              <>
                {pluralize(errorRows, "row")} {errorRows === 1 ? "has" : "have"} errors. Fix them in the file and choose it again; nothing is imported until
                every row is valid.
              </>
            }
          />
          <RowErrorsTable errors={result.errors} />
        </>
      ) : result.created + result.updated === 0 ? (
        <p role="status" className="rounded-lg border border-stone-200 bg-stone-50 px-3 py-2.5 text-sm text-stone-700">
          Every row matches its product already: there is nothing to import.
        </p>
      ) : (
        <p role="status" className="rounded-lg border border-brand-200 bg-brand-50 px-3 py-2.5 text-sm font-medium text-brand-900">
          Every row is valid. Apply the import to write all {pluralize(result.created + result.updated, "change")} at once.
        </p>
      )}
    </section>
  );
}

function ImportFailure({ message, errors }: { message: string; errors: ProductImportRowError[] }) {
  return (
    <div className="space-y-3">
      <FormAlert message={message} />
      {errors.length > 0 && <RowErrorsTable errors={errors} />}
    </div>
  );
}

function RowErrorsTable({ errors }: { errors: ProductImportRowError[] }) {
  const shown = errors.slice(0, MAX_ERRORS_SHOWN);
  return (
    <div>
      <Table caption="Rows with errors" className="max-h-72 overflow-y-auto">
        <THead>
          <tr>
            <Th>Row</Th>
            <Th>Column</Th>
            <Th>Problem</Th>
          </tr>
        </THead>
        <TBody>
          {shown.map((error, i) => (
            <Tr key={`${error.row}-${error.column}-${i}`} data-testid="import-error-row">
              <Td className="tabular-nums">{error.row > 0 ? error.row : "—"}</Td>
              <Td className="font-mono text-xs">{error.column || "—"}</Td>
              <Td>{error.message}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      {errors.length > shown.length && <p className="mt-2 text-sm text-stone-600">…and {formatCount(errors.length - shown.length)} more.</p>}
    </div>
  );
}
