import { useEffect, useState } from "react";
import {
  loadPasswordStrength,
  MIN_PASSWORD_SCORE,
  passwordProblem,
  passwordStrength,
  passwordStrengthReady,
  type PasswordOwner,
} from "@shared/password-strength";

/** Loads the zxcvbn dictionaries (a lazy chunk, never in the storefront's initial bundle) when a password form mounts. */
export function usePasswordStrengthLoaded(): boolean {
  const [ready, setReady] = useState(passwordStrengthReady);
  useEffect(() => {
    if (ready) return;
    let live = true;
    loadPasswordStrength().then(
      () => live && setReady(true),
      () => undefined, // offline or a failed chunk: the server still checks and the form shows its answer
    );
    return () => {
      live = false;
    };
  }, [ready]);
  return ready;
}

const LABELS = ["Very weak", "Weak", "Fair", "Strong", "Very strong"] as const;
const BAR_COLOURS = ["bg-red-600", "bg-red-600", "bg-amber-500", "bg-green-600", "bg-green-700"] as const;

/** A five-step bar and a sentence: the same rule (shared/password-strength.ts) the server applies. */
export function PasswordStrengthMeter({ password, owner }: { password: string; owner: PasswordOwner }) {
  const ready = usePasswordStrengthLoaded();
  if (!ready || password.length === 0) return null;
  const strength = passwordStrength(password, owner);
  if (!strength) return null;
  const problem = password.length >= 12 ? passwordProblem(password, owner) : undefined;
  const score = problem ? Math.min(strength.score, MIN_PASSWORD_SCORE - 1) : strength.score;
  return (
    <div className="space-y-1" data-testid="password-strength">
      <div className="flex gap-1" aria-hidden="true">
        {LABELS.map((label, step) => (
          <span key={label} className={`h-1.5 flex-1 rounded-full ${step <= score ? BAR_COLOURS[score] : "bg-gray-200"}`} />
        ))}
      </div>
      <p className="text-sm text-gray-700" aria-live="polite">
        Strength: <strong>{LABELS[score]}</strong>
        {score < MIN_PASSWORD_SCORE && strength.warning ? ` — ${strength.warning}` : ""}
      </p>
    </div>
  );
}
