import { randomUUID } from "node:crypto";
import type { RequestHandler } from "express";
import type { Logger } from "./logger";

declare module "express-serve-static-core" {
  interface Request {
    /** Request id: the caller's valid X-Request-Id or a new UUID; echoed in the response and every log line. */
    id: string;
  }
}

const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export const requestId: RequestHandler = (req, res, next) => {
  const incoming = req.get("x-request-id");
  req.id = incoming && VALID_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader("X-Request-Id", req.id);
  next();
};

/** Structured access log: one JSON line per finished request, with no bodies, cookies or auth headers. */
export function accessLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      const status = res.statusCode;
      const level = status >= 500 ? "error" : status >= 400 ? "warn" : "info";
      logger[level](
        {
          requestId: req.id,
          // The client as TRUST_PROXY resolves it (the proxy's own address when no proxy is trusted).
          ip: req.ip,
          method: req.method,
          path: req.originalUrl.split("?")[0],
          status,
          durationMs: Math.round(durationMs * 100) / 100,
          userId: (req as { user?: { id?: string } }).user?.id,
        },
        "request",
      );
    });
    next();
  };
}
