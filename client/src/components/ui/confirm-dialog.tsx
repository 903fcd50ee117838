import type { ReactNode, RefObject } from "react";
import { Dialog, DialogActions } from "./dialog";

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description?: ReactNode;
  /** Extra content between the description and the buttons. */
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** "danger" paints the confirm button red: for deletions and other hard-to-undo steps. */
  tone?: "default" | "danger";
  onConfirm: () => void;
  /** While true the buttons are disabled and the dialog cannot be dismissed. */
  pending?: boolean;
  /** A failure to show inside the dialog (the server's message), so the person can retry or cancel. */
  error?: ReactNode;
  /** See <Dialog fallbackFocusRef>. */
  fallbackFocusRef?: RefObject<HTMLElement | null>;
}

/**
 * "Are you sure?" before a destructive or consequential action. Focus starts on Cancel (the safe choice);
 * the caller keeps it open on failure and shows `error`, and closes it on success.
 */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  confirmLabel,
  cancelLabel = "Cancel",
  tone = "default",
  onConfirm,
  pending = false,
  error,
  fallbackFocusRef,
}: ConfirmDialogProps) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={title}
      description={description}
      size="sm"
      dismissible={!pending}
      fallbackFocusRef={fallbackFocusRef}
      footer={
        <DialogActions
          label={confirmLabel}
          cancelLabel={cancelLabel}
          pending={pending}
          pendingLabel="Working"
          variant={tone === "danger" ? "danger" : "primary"}
          onConfirm={onConfirm}
        />
      }
    >
      {(children || error) && (
        <div className="space-y-3">
          {children}
          {error && (
            <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
              {error}
            </p>
          )}
        </div>
      )}
    </Dialog>
  );
}
