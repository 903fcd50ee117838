import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { Link } from "wouter";

export type ToastTone = "success" | "error" | "info";

export interface ToastInput {
  title: string;
  description?: string;
  tone?: ToastTone;
  /** Milliseconds before it leaves by itself; errors stay longer. Hovering or focusing a toast pauses it. */
  durationMs?: number;
  /** A link to follow up ("View cart"); following it dismisses the toast. */
  action?: { label: string; href: string };
}

interface Toast extends Required<Pick<ToastInput, "title" | "tone">> {
  id: number;
  description?: string;
  durationMs: number;
  action?: { label: string; href: string };
}

interface ToastApi {
  /** Shows a short message in the corner and announces it politely to screen readers. */
  toast: (input: ToastInput) => void;
}

const ToastContext = createContext<ToastApi | null>(null);
const MAX_VISIBLE = 4;

const toneStyles: Record<ToastTone, { box: string; icon: string; symbol: string }> = {
  success: { box: "border-brand-200", icon: "bg-brand-100 text-brand-800", symbol: "✓" },
  error: { box: "border-red-200", icon: "bg-red-100 text-red-800", symbol: "!" },
  info: { box: "border-stone-200", icon: "bg-stone-100 text-stone-700", symbol: "i" },
};

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (paused) return;
    const timer = setTimeout(() => onDismiss(toast.id), toast.durationMs);
    return () => clearTimeout(timer);
  }, [paused, toast.id, toast.durationMs, onDismiss]);
  const style = toneStyles[toast.tone];
  return (
    <li
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
      className={`pointer-events-auto flex w-full items-start gap-3 rounded-xl border bg-white p-3 shadow-lg sm:p-4 ${style.box}`}
      data-testid="toast"
    >
      <span aria-hidden="true" className={`flex size-6 shrink-0 items-center justify-center rounded-full text-sm font-bold ${style.icon}`}>
        {style.symbol}
      </span>
      <div className="min-w-0 flex-1">
        <p className="text-sm font-semibold text-stone-900">{toast.title}</p>
        {toast.description && <p className="mt-0.5 text-sm text-stone-600 max-sm:line-clamp-2">{toast.description}</p>}
        {toast.action && (
          <Link
            href={toast.action.href}
            onClick={() => onDismiss(toast.id)}
            className="mt-1.5 inline-block rounded text-sm font-semibold text-brand-800 underline underline-offset-2 hover:text-brand-900"
          >
            {toast.action.label}
          </Link>
        )}
      </div>
      <button type="button" onClick={() => onDismiss(toast.id)} className="-m-1 rounded-md p-1 text-stone-500 hover:bg-stone-100 hover:text-stone-800">
        <span className="sr-only">Dismiss notification</span>
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4">
          <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
        </svg>
      </button>
    </li>
  );
}

/**
 * Put once near the root. The live region is always in the page (empty until a toast arrives), because
 * screen readers only announce changes to a region that already existed.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const api = useMemo<ToastApi>(
    () => ({
      toast: ({ title, description, tone = "info", durationMs, action }) => {
        const toast: Toast = { id: nextId.current++, title, description, tone, action, durationMs: durationMs ?? (tone === "error" ? 10_000 : 5_000) };
        setToasts((list) => [...list, toast].slice(-MAX_VISIBLE));
      },
    }),
    [],
  );

  return (
    <ToastContext.Provider value={api}>
      {children}
      {/* Phones (issue 13 walkthrough: a stack of full-width toasts hid the order timeline): only the newest
          toast shows, compact, in the bottom corner; the others still count down and are read out. */}
      <section
        aria-label="Notifications"
        aria-live="polite"
        className="pointer-events-none fixed inset-x-3 bottom-3 z-[60] sm:inset-x-4 sm:bottom-4 sm:right-auto sm:w-96"
      >
        <ol className="flex flex-col gap-3 max-sm:[&>li:not(:last-child)]:hidden">
          {toasts.map((toast) => (
            <ToastItem key={toast.id} toast={toast} onDismiss={dismiss} />
          ))}
        </ol>
      </section>
    </ToastContext.Provider>
  );
}

/** `const { toast } = useToast(); toast({ title: "Saved", tone: "success" })` — inside <ToastProvider>. */
export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error("useToast must be used inside <ToastProvider>");
  return api;
}
