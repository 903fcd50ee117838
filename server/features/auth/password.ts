import { hash, verify } from "@node-rs/argon2";
import * as zxcvbnCore from "@zxcvbn-ts/core";
import * as zxcvbnCommon from "@zxcvbn-ts/language-common";
import * as zxcvbnEn from "@zxcvbn-ts/language-en";
import { installPasswordStrength, passwordProblem, type PasswordOwner } from "@shared/password-strength";
import { AppError } from "../../lib/app-error";

// The server always checks strength: install the zxcvbn checker the shared rule uses (the browser loads it lazily).
installPasswordStrength({ core: zxcvbnCore, common: zxcvbnCommon, en: zxcvbnEn });

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
export function assertStrongPassword(password: string, owner: PasswordOwner, field = "password"): void {
  const problem = passwordProblem(password, owner);
  if (problem) throw new AppError("validation_failed", "The request body is invalid.", [{ path: field, message: problem }]);
}
