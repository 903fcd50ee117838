import type { RequestHandler } from "express";
import type { Env } from "../env";
import type { Logger } from "./logger";

/**
 * Misconfigurations that do not stop a production boot but break it quietly: without them said out loud, a
 * proxy that speaks plain HTTP to the app means the Secure session cookie is never sent and every sign-in
 * answers 403 csrf_failed with nothing in the log.
 */
export function deploymentWarnings(env: Pick<Env, "NODE_ENV" | "TRUST_PROXY" | "ALLOWED_ORIGINS">): string[] {
  if (env.NODE_ENV !== "production") return [];
  const warnings: string[] = [];
  const trustProxy = env.TRUST_PROXY.trim().toLowerCase();
  if (trustProxy === "false" || trustProxy === "0" || trustProxy === "") {
    warnings.push(
      "TRUST_PROXY is off in production: behind a TLS-terminating proxy the app sees plain HTTP, so its Secure cookies are never set and sign-in fails with csrf_failed. Set TRUST_PROXY to the number of proxy hops (e.g. 1).",
    );
  } else if (trustProxy === "true") {
    warnings.push(
      "TRUST_PROXY=true believes every X-Forwarded-For hop: a client can spoof its address past per-IP rate limits and the admin allow-list. Set the number of proxy hops (e.g. 1) instead.",
    );
  }
  const plainOrigins = env.ALLOWED_ORIGINS.filter((o) => o.startsWith("http://") && !/^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(o));
  if (plainOrigins.length > 0)
    warnings.push(`ALLOWED_ORIGINS lists plain-HTTP origins in production (${plainOrigins.join(", ")}): browsers there never get the Secure session cookie.`);
  return warnings;
}

const WARN_EVERY_MS = 60_000;

/**
 * In production, says (at most once a minute) when API requests arrive over plain HTTP as the app sees it:
 * their Secure session cookie is dropped by the browser, so the symptom is a silent 403 on every write.
 */
export function plainHttpWarning(logger: Logger, env: Pick<Env, "NODE_ENV">): RequestHandler {
  let lastWarnedAt = -Infinity;
  return (req, _res, next) => {
    if (env.NODE_ENV === "production" && !req.secure && Date.now() - lastWarnedAt > WARN_EVERY_MS) {
      lastWarnedAt = Date.now();
      logger.warn(
        { requestId: req.id, ip: req.ip, forwardedProto: req.get("x-forwarded-proto") ?? null },
        "API request over plain HTTP in production: Secure session cookies are not sent; terminate TLS in front of the app and set TRUST_PROXY so X-Forwarded-Proto is believed",
      );
    }
    next();
  };
}
