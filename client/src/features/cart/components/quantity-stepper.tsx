import { useState } from "react";

interface QuantityStepperProps {
  value: number;
  min?: number;
  max: number;
  onChange: (quantity: number) => void;
  /** Names the group for screen readers ("Quantity of Apple crate"). */
  label: string;
  disabled?: boolean;
  size?: "sm" | "md";
}

/**
 * − [n] + : buttons for the usual one-step change, a number box for typing a quantity (applied on blur or Enter,
 * clamped to min…max). A native number input keeps arrow keys and mobile keypads working.
 */
export function QuantityStepper({ value, min = 1, max, onChange, label, disabled = false, size = "md" }: QuantityStepperProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const clamp = (n: number) => Math.min(Math.max(min, Math.floor(n)), Math.max(min, max));
  const commit = () => {
    if (draft === null) return;
    const n = Number(draft);
    setDraft(null);
    if (draft.trim() !== "" && Number.isFinite(n) && clamp(n) !== value) onChange(clamp(n));
  };
  const height = size === "sm" ? "h-8" : "h-10";
  const button = `flex ${height} w-9 items-center justify-center text-lg font-semibold text-stone-700 hover:bg-stone-100 disabled:cursor-not-allowed disabled:text-stone-300 disabled:hover:bg-transparent`;
  return (
    <div
      role="group"
      aria-label={label}
      className={`inline-flex items-stretch overflow-hidden rounded-lg border border-stone-300 bg-white shadow-sm ${disabled ? "opacity-60" : ""}`}
    >
      <button type="button" className={button} onClick={() => onChange(clamp(value - 1))} disabled={disabled || value <= min} aria-label="Decrease quantity">
        <span aria-hidden="true">−</span>
      </button>
      <input
        type="number"
        inputMode="numeric"
        aria-label="Quantity"
        min={min}
        max={Math.max(min, max)}
        value={draft ?? String(value)}
        disabled={disabled}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            commit();
          }
        }}
        className={`${height} w-12 border-x border-stone-200 text-center text-sm font-semibold tabular-nums text-stone-900 [appearance:textfield] focus:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-brand-600/40 [&::-webkit-inner-spin-button]:appearance-none [&::-webkit-outer-spin-button]:appearance-none`}
      />
      <button type="button" className={button} onClick={() => onChange(clamp(value + 1))} disabled={disabled || value >= max} aria-label="Increase quantity">
        <span aria-hidden="true">+</span>
      </button>
    </div>
  );
}
