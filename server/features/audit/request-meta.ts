import type { Request } from "express";
import type { RequestMeta } from "./audit.service";

/** The plain request facts services record in the audit log (routes call this; services never see `req`). */
export function requestMeta(req: Request): RequestMeta {
  return { ip: req.ip, requestId: req.id };
}
