import { z } from "zod";
import { strongPassword } from "../password-strength";
import { uuid, version } from "./common";

// ---- Shared field rules ----
export const roles = ["customer", "staff", "admin"] as const;
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;
/** The roles that run the shop: they see every order, the dashboard and archived catalog entries. */
export const staffRoles = ["staff", "admin"] as const satisfies readonly Role[];
/** The one staff/admin check (an absent role is nobody signed in). */
export const isStaff = (role: Role | undefined): boolean => role === "staff" || role === "admin";

/** Emails are compared and stored trimmed and lower-cased. */
export const email = z
  .string({ error: "Email is required" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Must be a valid email address" }).max(254, "Must be at most 254 characters"));

/** OWASP ASVS L2: at least 12 characters, at most 128 (no composition rules). */
export const newPassword = z.string({ error: "Password is required" }).min(12, "Must be at least 12 characters").max(128, "Must be at most 128 characters");

export const personName = z.string({ error: "Name is required" }).trim().min(1, "Name is required").max(100, "Must be at most 100 characters");

// ---- Requests ----
/** Strength (zxcvbn score ≥ 3, not the e-mail or name) is the shared rule in shared/password-strength.ts. */
export const registerBody = z
  .object({ email, password: newPassword, name: personName })
  .strict()
  .superRefine(strongPassword((body: { email: string; name: string; password: string }) => body));
export type RegisterBody = z.infer<typeof registerBody>;

/** Login checks only the bounds: the stored hash decides, whatever rule the password was created under. */
export const loginBody = z
  .object({ email, password: z.string({ error: "Password is required" }).min(1, "Password is required").max(128, "Must be at most 128 characters") })
  .strict();
export type LoginBody = z.infer<typeof loginBody>;

/** API clients: `otp` is the current TOTP code (or a recovery code) for accounts with two-factor sign-in on. */
export const tokenBody = loginBody.extend({ otp: z.string().trim().min(1, "otp is required").max(32, "Must be at most 32 characters").optional() }).strict();
export type TokenBody = z.infer<typeof tokenBody>;

export const refreshTokenBody = z.object({ refreshToken: z.string().min(1, "refreshToken is required").max(200) }).strict();
export type RefreshTokenBody = z.infer<typeof refreshTokenBody>;

// ---- Responses ----
/** The public user: never a password hash. */
export const user = z.object({
  id: uuid,
  email: z.string(),
  name: z.string(),
  role,
  /** True once the owner followed a verification link; staff and admin roles need it. */
  emailVerified: z.boolean(),
  /** Bumped when name, e-mail or role change; admins send it back as If-Match (issue 16 §3). */
  version,
  createdAt: z.string(),
});
export type User = z.infer<typeof user>;

export const userEnvelope = z.object({ user });
export type UserEnvelope = z.infer<typeof userEnvelope>;

/** GET /auth/session: who is signed in, `null` for nobody; an anonymous visitor is an answer, not an error. */
export const sessionEnvelope = z.object({ user: user.nullable() });
export type SessionEnvelope = z.infer<typeof sessionEnvelope>;

export const csrfResponse = z.object({ csrfToken: z.string() });
export type CsrfResponse = z.infer<typeof csrfResponse>;

export const tokenPair = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int(),
});
export type TokenPair = z.infer<typeof tokenPair>;
