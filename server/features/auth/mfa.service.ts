import type { verify } from "otplib";
import type { Role } from "@shared/contracts/auth";
import type { MfaSetupResponse, MfaStatus, MfaVerifyBody } from "@shared/contracts/mfa";
import { AppError } from "../../lib/app-error";
import type { AuditService, RequestMeta } from "../audit/audit.service";
import type { AccountSecurity } from "../users/account-security.service";
import type { UserRecord, UsersService } from "../users/users.service";
import { decryptSecret, encryptSecret, formatRecoveryCode, hashRecoveryCode, newRecoveryCode } from "./mfa-crypto";

// otplib and qrcode load on the first two-factor action, not at boot (ADR 077): most requests never need them.
const loadOtp = () => import("otplib");
const loadQrCode = async () => (await import("qrcode")).default;

const ISSUER = "FruitfulPlanet";
const RECOVERY_CODES = 10;
/** Seconds of clock drift tolerated either way: the previous and next 30-second code are accepted too. */
const CLOCK_TOLERANCE_SECONDS = 30;

export interface MfaServiceDeps {
  security: AccountSecurity;
  users: Pick<UsersService, "findById">;
  audit: Pick<AuditService, "record">;
  /** AES key for TOTP secrets at rest (derived from SESSION_SECRET). */
  secretKey: Buffer;
  /** MFA_REQUIRED_ROLES. */
  requiredRoles: readonly Role[];
}

/** The RFC 6238 time step a TOTP verification matched; undefined when the code is wrong. */
const matchedStep = (result: Awaited<ReturnType<typeof verify>>) => (result.valid && "timeStep" in result ? result.timeStep : undefined);

const wrongCode = () => new AppError("invalid_credentials", "That code is not valid. Check your authenticator app's time and try the newest code.");

/**
 * TOTP (RFC 6238) for sign-in (issue 11 §5). A secret is stored encrypted at setup and switched on by its first
 * code; every accepted code's time step is stored and only later steps are accepted afterwards, so a code
 * cannot be replayed within its window. Recovery codes are single-use (one conditional UPDATE removes one).
 */
export function createMfaService({ security, users, audit, secretKey, requiredRoles }: MfaServiceDeps) {
  const required = new Set(requiredRoles);
  const actor = (user: UserRecord) => ({ id: user.id, email: user.email });

  /** True when the code (or recovery code) is right and has not been used before; claims it. */
  async function checkSecondFactor(userId: string, input: MfaVerifyBody): Promise<boolean> {
    const state = await security.mfaState(userId);
    if (!state?.enabledAt) return false;
    if (input.recoveryCode) return security.useRecoveryCode(userId, hashRecoveryCode(input.recoveryCode));
    const secret = state.secret ? decryptSecret(secretKey, state.secret) : undefined;
    if (!secret || !input.code) return false;
    const { verify } = await loadOtp();
    const result = await verify({
      secret,
      token: input.code,
      epochTolerance: CLOCK_TOLERANCE_SECONDS,
      ...(state.lastStep !== null ? { afterTimeStep: state.lastStep } : {}),
    });
    const step = matchedStep(result);
    return step !== undefined && security.claimMfaStep(userId, step);
  }

  const service = {
    isRequiredFor: (role: Role) => required.has(role),

    async status(user: UserRecord): Promise<MfaStatus> {
      const state = await security.mfaState(user.id);
      return { enabled: Boolean(state?.enabledAt), required: required.has(user.role), recoveryCodesLeft: state?.enabledAt ? state.recoveryCodes.length : 0 };
    },

    /** A new secret awaiting its first code (replaces an unfinished setup); 409 while TOTP is on. */
    async setup(user: UserRecord): Promise<MfaSetupResponse> {
      const { generateSecret, generateURI } = await loadOtp();
      const secret = generateSecret();
      if (!(await security.startMfaSetup(user.id, encryptSecret(secretKey, secret)))) {
        throw new AppError("conflict", "Two-factor sign-in is already on. Turn it off first to set up a new app.");
      }
      const otpauthUrl = generateURI({ issuer: ISSUER, label: user.email, secret });
      const QRCode = await loadQrCode();
      const qrSvg = await QRCode.toString(otpauthUrl, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
      return { secret, otpauthUrl, qrSvg };
    },

    /** The first code switches TOTP on; the recovery codes are returned this once and stored hashed. */
    async enable(user: UserRecord, code: string, meta: RequestMeta): Promise<{ recoveryCodes: string[] }> {
      const state = await security.mfaState(user.id);
      if (state?.enabledAt) throw new AppError("conflict", "Two-factor sign-in is already on.");
      const secret = state?.secret ? decryptSecret(secretKey, state.secret) : undefined;
      if (!secret) throw new AppError("conflict", "Start the setup first (POST /auth/mfa/setup).");
      const { verify } = await loadOtp();
      const result = await verify({ secret, token: code, epochTolerance: CLOCK_TOLERANCE_SECONDS });
      const step = matchedStep(result);
      if (step === undefined) throw wrongCode();
      const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
      if (!(await security.enableMfa(user.id, step, codes.map(hashRecoveryCode)))) {
        throw new AppError("conflict", "Two-factor sign-in is already on.");
      }
      await audit.record({ actor: actor(user), action: "auth.mfa.enabled", target: { type: "user", id: user.id } }, meta);
      return { recoveryCodes: codes.map(formatRecoveryCode) };
    },

    /** Needs a current code (or a recovery code): a stolen session alone cannot switch it off. */
    async disable(user: UserRecord, input: MfaVerifyBody, meta: RequestMeta): Promise<void> {
      const state = await security.mfaState(user.id);
      if (!state?.enabledAt) throw new AppError("conflict", "Two-factor sign-in is not on.");
      if (required.has(user.role)) throw new AppError("forbidden", "Your role must use two-factor sign-in; it cannot be turned off.");
      if (!(await checkSecondFactor(user.id, input))) {
        await audit.record({ actor: actor(user), action: "auth.mfa.failed", target: { type: "user", id: user.id }, summary: { step: "disable" } }, meta);
        throw wrongCode();
      }
      await security.disableMfa(user.id);
      await audit.record({ actor: actor(user), action: "auth.mfa.disabled", target: { type: "user", id: user.id } }, meta);
    },

    /** The second sign-in step (or POST /auth/token's otp): the user when the code is right and unused. */
    async verifySignIn(userId: string, input: MfaVerifyBody, meta: RequestMeta, method: "session" | "token" = "session"): Promise<UserRecord> {
      const user = await users.findById(userId);
      if (!user || !(await checkSecondFactor(userId, input))) {
        await audit.record(
          { actor: user ? actor(user) : null, action: "auth.mfa.failed", target: { type: "user", id: userId }, summary: { method, step: "sign-in" } },
          meta,
        );
        throw wrongCode();
      }
      return user;
    },
  };
  return service;
}
export type MfaService = ReturnType<typeof createMfaService>;
