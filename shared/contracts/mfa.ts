import { z } from "zod";

/** TOTP (issue 11 §5): a 6-digit code from an authenticator app (spaces allowed, as apps show "123 456"). */
export const totpCode = z
  .string({ error: "Enter the 6-digit code from your authenticator app" })
  .transform((s) => s.replace(/\s+/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app"));

/** A recovery code as shown once at enrolment ("abcde-fghij"); case, spaces and hyphens do not matter. */
export const recoveryCode = z
  .string({ error: "Enter one of your recovery codes" })
  .transform((s) => s.replace(/[\s-]+/g, "").toLowerCase())
  .pipe(z.string().regex(/^[a-z2-7]{10}$/, "Enter one of your recovery codes (10 letters and digits)"));

export const mfaCodeBody = z.object({ code: totpCode }).strict();
export type MfaCodeBody = z.infer<typeof mfaCodeBody>;

/** The second sign-in step: the current code, or one recovery code when the phone is lost. */
export const mfaVerifyBody = z
  .object({ code: totpCode.optional(), recoveryCode: recoveryCode.optional() })
  .strict()
  .refine((b) => (b.code === undefined) !== (b.recoveryCode === undefined), { message: "Send either code or recoveryCode", path: ["code"] });
export type MfaVerifyBody = z.infer<typeof mfaVerifyBody>;

export const mfaSetupResponse = z.object({
  /** Base32 secret, for typing into an app that cannot scan. */
  secret: z.string(),
  otpauthUrl: z.string(),
  /** The otpauth URL as an SVG QR code. */
  qrSvg: z.string(),
});
export type MfaSetupResponse = z.infer<typeof mfaSetupResponse>;

export const recoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodesResponse = z.infer<typeof recoveryCodesResponse>;

export const mfaStatus = z.object({
  enabled: z.boolean(),
  /** The account's role must use it (MFA_REQUIRED_ROLES): until enrolled, only the auth endpoints answer. */
  required: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});
export type MfaStatus = z.infer<typeof mfaStatus>;

/** POST /auth/login when the account has TOTP on: not signed in yet, POST /auth/mfa/verify completes it. */
export const mfaChallenge = z.object({ mfaRequired: z.literal(true) });
export type MfaChallenge = z.infer<typeof mfaChallenge>;
