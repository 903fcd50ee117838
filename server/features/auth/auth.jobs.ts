import type { Logger } from "../../lib/logger";
import type { JobQueue } from "../jobs/jobs.types";
import type { AuthRepo } from "./auth.repo";

export const PURGE_EXPIRED_SIGN_INS = "auth.purge-expired";

/** Hourly housekeeping: expired sessions and refresh tokens go. */
export function registerAuthJobs(jobs: JobQueue, deps: { repo: AuthRepo; logger: Logger }): void {
  jobs.register(
    PURGE_EXPIRED_SIGN_INS,
    async () => {
      const purged = await deps.repo.purgeExpired();
      if (purged.sessions || purged.refreshTokens) deps.logger.info(purged, "purged expired sessions and refresh tokens");
    },
    { everySeconds: 3_600 },
  );
}
