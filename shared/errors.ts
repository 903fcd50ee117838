// The error body's schema, for the server's OpenAPI document and tests. The SPA's entry reads error bodies with
// readErrorBody (error-codes.ts) instead: any zod, even zod/mini, would put zod's core on the first load.
import * as z from "zod/mini";

export { errorCodes, errorStatus, type ErrorCode } from "./error-codes";
import { errorCodes } from "./error-codes";

export const errorDetail = z.object({ path: z.string(), message: z.string() });
export type ErrorDetail = z.infer<typeof errorDetail>;

export const errorBody = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    details: z.optional(z.array(errorDetail)),
    requestId: z.optional(z.string()),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;
