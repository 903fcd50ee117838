import { useState, type ReactNode, type RefObject } from "react";
import { ConfirmDialog } from "@client/components/ui/confirm-dialog";
import { useToast, type ToastInput } from "@client/components/ui/toast";
import { deleteErrorMessage } from "../form-support";

interface DeleteDialogProps<R> {
  /** The row being deleted. */
  item: { id: string; name: string };
  noun: "sector" | "brand" | "product";
  description: ReactNode;
  /** The list's delete mutation. */
  remove: { mutateAsync: (id: string) => Promise<R>; isPending: boolean };
  /** What the dialog says when the server refuses with a conflict. */
  conflictMessage: string;
  /** The toast after the delete (by default "<name> was deleted"). */
  doneToast?: (outcome: R) => ToastInput;
  onClose: () => void;
  fallbackFocusRef: RefObject<HTMLElement | null>;
}

/** The confirm step of a table row's Delete: deletes, toasts and closes, or stays open with the reason it failed. */
export function DeleteDialog<R>({ item, noun, description, remove, conflictMessage, doneToast, onClose, fallbackFocusRef }: DeleteDialogProps<R>) {
  const { toast } = useToast();
  const [error, setError] = useState<string>();

  async function confirmDelete() {
    try {
      const outcome = await remove.mutateAsync(item.id);
      toast(doneToast?.(outcome) ?? { title: `${item.name} was deleted`, tone: "success" });
      onClose();
    } catch (err) {
      setError(deleteErrorMessage(err, conflictMessage));
    }
  }

  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={`Delete ${item.name}?`}
      description={description}
      confirmLabel={`Delete ${noun}`}
      tone="danger"
      pending={remove.isPending}
      error={error}
      onConfirm={() => void confirmDelete()}
      fallbackFocusRef={fallbackFocusRef}
    />
  );
}
