import type { RequestHandler } from "express";
import { hash, verify } from "@node-rs/argon2";
import { loadPasswordStrength, passwordProblem, requirePasswordStrength, type PasswordOwner } from "@shared/password-strength";
import { AppError } from "../../lib/app-error";

// The server always checks strength, but the zxcvbn dictionaries (~45 MB of RSS) load on the first password that
// is set, not at boot (ADR 077): from here on a check without them throws instead of silently passing.
requirePasswordStrength();

/**
 * `before` step of every route whose body schema applies the strength rule in its zod refinement (register):
 * parsing is synchronous, so the checker must be loaded before it (once; later requests find it loaded).
 */
export const passwordStrengthLoaded: RequestHandler = async (_req, _res, next) => {
  await loadPasswordStrength();
  next();
};

/**
 * argon2id with OWASP's recommended minimum (19 MiB memory, 2 iterations, 1 lane).
 */
export const ARGON2_OPTIONS = {
  algorithm: 2 /* Algorithm.Argon2id (a const enum, unusable with isolatedModules) */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const hashPassword = (password: string) => hash(password, ARGON2_OPTIONS);
export const verifyPassword = (passwordHash: string, password: string) => verify(passwordHash, password).catch(() => false);

/**
 * The shared strength rule (shared/password-strength.ts) for payloads that do not carry the owner's e-mail and
 * name (reset, change): 400 validation_failed with the human message on `field`.
 */
export async function assertStrongPassword(password: string, owner: PasswordOwner, field = "password"): Promise<void> {
  await loadPasswordStrength();
  const problem = passwordProblem(password, owner);
  if (problem) throw new AppError("validation_failed", "The request body is invalid.", [{ path: field, message: problem }]);
}
