import type { z } from "zod";

/**
 * The one password-strength rule (issue 11 §7), used by every form that sets a password (register, reset,
 * change) and by the server through the same zod refinement or `passwordProblem`:
 *   - not the account's e-mail (or its local part) nor its name, whatever the case;
 *   - a zxcvbn-ts score of at least MIN_PASSWORD_SCORE, with the e-mail and name as user inputs.
 *
 * The zxcvbn dictionaries are ~1.5 MB gzipped (~45 MB of a server's RSS), so they are never imported statically:
 * both sides call `loadPasswordStrength()` before validating (the browser gets a lazy chunk; the server loads them
 * on the first password set, ADR 077). In the browser, until the checker is installed only the e-mail/name part
 * applies; the server calls `requirePasswordStrength()`, after which a check without the checker throws, so the
 * server's answer is always the whole rule.
 */
export const MIN_PASSWORD_SCORE = 3;

export type PasswordScore = 0 | 1 | 2 | 3 | 4;

export interface PasswordStrength {
  score: PasswordScore;
  /** zxcvbn's warning, in English; empty when it has none. */
  warning: string;
  suggestions: string[];
}

export interface PasswordOwner {
  email?: string | undefined;
  name?: string | undefined;
}

type Checker = (password: string, userInputs: string[]) => PasswordStrength;
let checker: Checker | undefined;
let required = false;

/** Server side: a strength check before `loadPasswordStrength()` has finished is a bug, not a pass. */
export function requirePasswordStrength(): void {
  required = true;
}

/** The zxcvbn-ts modules the checker is built from (passed in so this file never imports them statically). */
export interface ZxcvbnModules {
  core: typeof import("@zxcvbn-ts/core");
  common: typeof import("@zxcvbn-ts/language-common");
  en: typeof import("@zxcvbn-ts/language-en");
}

export function installPasswordStrength({ core, common, en }: ZxcvbnModules): void {
  const factory = new core.ZxcvbnFactory({
    translations: en.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary },
    // zxcvbn's time grows steeply with length and l33t substitutions (~2.9 s for 128 characters with the
    // defaults, measured): cap both so a long password cannot tie up the server (≤ ~150 ms here). 32 characters
    // that score ≥ 3 are strong anyway; 2 substitutions still catch "P@ssw0rd"-style passwords.
    maxLength: 32,
    l33tMaxSubstitutions: 2,
  });
  checker = (password, userInputs) => {
    const result = factory.check(password, userInputs);
    return { score: result.score, warning: result.feedback.warning ?? "", suggestions: result.feedback.suggestions };
  };
}

let loading: Promise<void> | undefined;
/** Loads the dictionaries (once; a separate chunk in the browser, a dynamic import on the server) and installs the checker. */
export function loadPasswordStrength(): Promise<void> {
  if (checker) return Promise.resolve();
  loading ??= Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common"), import("@zxcvbn-ts/language-en")]).then(
    ([core, common, en]) => installPasswordStrength({ core, common, en }),
    (err: unknown) => {
      loading = undefined; // a failed chunk load may be retried on the next attempt
      throw err;
    },
  );
  return loading;
}

export const passwordStrengthReady = (): boolean => checker !== undefined;

const userInputsOf = (owner: PasswordOwner): string[] => {
  const inputs: string[] = [];
  const email = owner.email?.trim().toLowerCase();
  if (email) inputs.push(email, email.split("@")[0] ?? "");
  const name = owner.name?.trim().toLowerCase();
  if (name) inputs.push(name, ...name.split(/\s+/));
  return inputs.filter((input) => input.length > 0);
};

/** The score and feedback for a strength meter; undefined until the checker is loaded. */
export function passwordStrength(password: string, owner: PasswordOwner = {}): PasswordStrength | undefined {
  return checker?.(password, userInputsOf(owner));
}

/** A sentence a person understands when the password breaks the rule; undefined when it is acceptable. */
export function passwordProblem(password: string, owner: PasswordOwner = {}): string | undefined {
  const plain = password.trim().toLowerCase();
  const email = owner.email?.trim().toLowerCase();
  const name = owner.name?.trim().toLowerCase();
  if (email && (plain === email || plain === email.split("@")[0] || plain.includes(email))) {
    return "Don't use your e-mail address as your password: it is the first thing an attacker tries.";
  }
  if (name && plain.replace(/\s+/g, "") === name.replace(/\s+/g, "")) {
    return "Don't use your name as your password: it is the first thing an attacker tries.";
  }
  if (!checker && required) throw new Error("the password strength checker is not loaded: await loadPasswordStrength() before checking");
  const strength = passwordStrength(password, owner);
  if (!strength || strength.score >= MIN_PASSWORD_SCORE) return undefined;
  const why = strength.warning ? ` ${strength.warning.replace(/\.?$/, ".")}` : "";
  return `This password is too easy to guess.${why} Try a few unrelated words, or let your password manager make one.`;
}

/**
 * A zod superRefine callback that applies the rule to a payload: `select` picks the password and whatever is
 * known about its owner (register has e-mail and name in the body; a change-password form gets them from /auth/me).
 */
export function strongPassword<T>(select: (value: T) => { password: string } & PasswordOwner, path: PropertyKey[] = ["password"]) {
  return (value: T, ctx: z.RefinementCtx) => {
    const { password, ...owner } = select(value);
    const problem = passwordProblem(password, owner);
    if (problem) ctx.addIssue({ code: "custom", path, message: problem });
  };
}
