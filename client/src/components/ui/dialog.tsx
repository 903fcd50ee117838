import * as RadixDialog from "@radix-ui/react-dialog";
import { useRef, type ReactNode, type RefObject } from "react";
import { Button } from "./button";
import { Spinner } from "./skeleton";

export interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Required: it names the dialog for screen readers (aria-labelledby). */
  title: ReactNode;
  /** Announced with the title (aria-describedby) when present. */
  description?: ReactNode;
  children?: ReactNode;
  /** Buttons, right-aligned under the content. */
  footer?: ReactNode;
  size?: "sm" | "md" | "lg";
  /** Keep the dialog open on Escape and outside clicks (while a request is running, say). */
  dismissible?: boolean;
  /**
   * Where focus goes on close when the element that opened the dialog is gone (the button of a row the
   * dialog just deleted). Otherwise focus returns to that element.
   */
  fallbackFocusRef?: RefObject<HTMLElement | null>;
}

const widths = { sm: "max-w-sm", md: "max-w-md", lg: "max-w-2xl" };

/**
 * A modal dialog on Radix: focus is trapped inside and returns to the trigger on close, Escape and a click
 * on the backdrop close it, the rest of the page is hidden from screen readers while it is open.
 */
export function Dialog({ open, onOpenChange, title, description, children, footer, size = "md", dismissible = true, fallbackFocusRef }: DialogProps) {
  const opener = useRef<Element | null>(null);
  const block = (event: Event) => {
    if (!dismissible) event.preventDefault();
  };
  // Radix returns focus only to a <Dialog.Trigger>; these dialogs are opened from anywhere (a row's button, a
  // select), so focus goes back to whatever opened it — or to the fallback when that is gone.
  const returnFocus = (event: Event) => {
    event.preventDefault();
    const opened = opener.current instanceof HTMLElement && opener.current.isConnected ? opener.current : null;
    (opened ?? fallbackFocusRef?.current)?.focus();
  };
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-50 bg-stone-950/40 backdrop-blur-[1px]" />
        <RadixDialog.Content
          onOpenAutoFocus={() => {
            opener.current = document.activeElement;
          }}
          onCloseAutoFocus={returnFocus}
          onEscapeKeyDown={block}
          onPointerDownOutside={block}
          onInteractOutside={block}
          {...(description ? {} : { "aria-describedby": undefined })}
          className={`fixed left-1/2 top-1/2 z-50 max-h-[calc(100vh-2rem)] w-[calc(100vw-2rem)] ${widths[size]} -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-2xl bg-white p-6 shadow-xl focus:outline-none`}
        >
          <RadixDialog.Title className="text-lg font-semibold text-stone-900">{title}</RadixDialog.Title>
          {description && <RadixDialog.Description className="mt-2 text-sm text-stone-600">{description}</RadixDialog.Description>}
          {children && <div className="mt-4">{children}</div>}
          {footer && <div className="mt-6 flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">{footer}</div>}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/** A button that closes the surrounding <Dialog> (use it for "Cancel"). */
export const DialogClose = RadixDialog.Close;

interface DialogActionsProps {
  /** The action button's words ("Create sector", "Delete endpoint"). */
  label: ReactNode;
  /** True while the action runs: both buttons are disabled and the action shows a spinner. */
  pending: boolean;
  /** Submits the form with this id (the button sits in the footer, outside the form) … */
  form?: string;
  /** … or runs this on click. */
  onConfirm?: () => void;
  /** Disabled though nothing runs (the form's options have not loaded yet). */
  disabled?: boolean;
  variant?: "primary" | "danger";
  cancelLabel?: string;
  /** The spinner's screen-reader label. */
  pendingLabel?: string;
}

/** A dialog footer's two buttons: Cancel (closes the dialog) and the dialog's one action. */
export function DialogActions({
  label,
  pending,
  form,
  onConfirm,
  disabled = false,
  variant = "primary",
  cancelLabel = "Cancel",
  pendingLabel = "Saving",
}: DialogActionsProps) {
  return (
    <>
      <DialogClose asChild>
        <Button variant="secondary" disabled={pending}>
          {cancelLabel}
        </Button>
      </DialogClose>
      <Button type={form ? "submit" : "button"} form={form} variant={variant} onClick={onConfirm} disabled={pending || disabled}>
        {pending && <Spinner label={pendingLabel} />}
        {label}
      </Button>
    </>
  );
}
