import pino, { type DestinationStream, type Logger } from "pino";
import { traceFields } from "./tracing";

/**
 * The one logger: JSON lines on stdout. Redaction is the safety net; the access log
 * never serialises bodies, cookies or authorization headers in the first place.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    messageKey: "message",
    timestamp: () => `,"timestamp":"${new Date().toISOString()}"`,
    formatters: { level: (label) => ({ level: label }) },
    // traceId/spanId of the active span on every line (nothing when tracing is off).
    mixin: traceFields,
    redact: {
      paths: [
        "password",
        "*.password",
        "token",
        "*.token",
        "refreshToken",
        "*.refreshToken",
        "accessToken",
        "*.accessToken",
        "cardNumber",
        "*.cardNumber",
        "cvc",
        "*.cvc",
        "expiry",
        "*.expiry",
        "cookie",
        "*.cookie",
        "authorization",
        "*.authorization",
        "sid",
        "*.sid",
      ],
      censor: "[redacted]",
    },
  };
  // A destination other than stdout only in tests that read the log lines back.
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
