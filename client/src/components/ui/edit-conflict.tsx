import { useState } from "react";
import { Button } from "./button";
import { isApiError } from "@client/lib/api";

/*
 * Issue 16 §3, ADR 056: every admin edit form (product, sector, brand, a user's role) saves with If-Match and, on
 * 412, shows what the other admin changed and offers to reapply or discard. The one way to do it: useEditConflict
 * for the save, EditConflictPanel for the choice, a ConflictFields map per kind of object.
 */

/** What a 412 leaves to decide: the object as the form loaded it, the admin's unsaved changes, and the object as someone else saved it. */
export interface EditConflict<T, P> {
  loaded: T;
  mine: P;
  current: T;
}

/** The fields a form edits: their label, and how to read one from the object when it is not a plain property. */
export type ConflictFields<T> = Record<string, { label: string; value?: (object: T) => unknown }>;

/** The labels of the fields the other save changed since the form loaded `loaded` (what to look at before reapplying). */
export function changedSince<T>(fields: ConflictFields<T>, loaded: T, current: T): string[] {
  const valueOf = (object: T, field: string) => fields[field]!.value?.(object) ?? (object as Record<string, unknown>)[field];
  return (
    Object.keys(fields)
      // Compared by content: options and variants are lists (a sale changes a variant's stock, and says so here).
      .filter((field) => JSON.stringify(valueOf(loaded, field)) !== JSON.stringify(valueOf(current, field)))
      .map((field) => fields[field]!.label)
  );
}

export interface EditConflictOptions<T, P> {
  /** The object as it is now (after a 412: what the other admin saved). */
  fetchCurrent: (id: string) => Promise<T>;
  /** The PATCH made on `version` (it sends If-Match). */
  write: (id: string, body: P, version: number) => Promise<T>;
  onSaved: (saved: T) => void;
  /** The admin dropped their changes: the form closes, and what it listed should be refetched. */
  onDiscard: () => void;
  /** A reapply refused for another reason (a taken slug): the submit's own errors are thrown to its caller instead. */
  onError: (error: unknown) => void;
}

/**
 * The save of an edit form: `submit(loaded, changes)` writes at the loaded object's version; a 412 loads the current
 * object into `conflict` for EditConflictPanel, whose Reapply submits the same changes on that current object and
 * Discard gives up.
 */
export function useEditConflict<T extends { id: string; version: number }, P>(options: EditConflictOptions<T, P>) {
  const [conflict, setConflict] = useState<EditConflict<T, P> | null>(null);
  async function submit(loaded: T, changes: P): Promise<void> {
    setConflict(null);
    let saved: T;
    try {
      saved = await options.write(loaded.id, changes, loaded.version);
    } catch (error) {
      if (!isApiError(error) || error.code !== "precondition_failed") throw error;
      setConflict({ loaded, mine: changes, current: await options.fetchCurrent(loaded.id) });
      return;
    }
    options.onSaved(saved);
  }
  return {
    conflict,
    submit,
    reapply: () => {
      if (conflict) submit(conflict.current, conflict.mine).catch(options.onError);
    },
    discard: () => {
      setConflict(null);
      options.onDiscard();
    },
  };
}

/** Someone saved the object while this admin was editing it: what they changed, and reapply or discard. Nothing otherwise. */
export function EditConflictPanel<T, P extends object>({
  noun,
  fields,
  edit,
  pending,
}: {
  /** "product", "sector", "brand", "account". */
  noun: string;
  fields: ConflictFields<T>;
  /** What useEditConflict returned. */
  edit: { conflict: EditConflict<T, P> | null; reapply: () => void; discard: () => void };
  pending: boolean;
}) {
  const { conflict } = edit;
  if (!conflict) return null;
  const theirs = changedSince(fields, conflict.loaded, conflict.current);
  const mine = Object.keys(conflict.mine).map((f) => fields[f]?.label ?? f);
  return (
    <div role="alertdialog" aria-labelledby="edit-conflict-title" className="mb-4 rounded-md border border-amber-400 bg-amber-50 p-4 text-sm">
      <h3 id="edit-conflict-title" className="font-semibold">
        Someone else saved this {noun} while you were editing it
      </h3>
      <p className="mt-1">
        {theirs.length
          ? `They changed: ${theirs.join(", ")}.`
          : "Their save changed nothing shown in this form (a product's stock may have moved with an order)."}{" "}
        Your changes: {mine.join(", ") || "none"}.
      </p>
      <div className="mt-3 flex gap-2">
        <Button type="button" onClick={edit.reapply} disabled={pending}>
          Reapply my changes
        </Button>
        <Button type="button" variant="secondary" onClick={edit.discard} disabled={pending}>
          Discard mine
        </Button>
      </div>
    </div>
  );
}
