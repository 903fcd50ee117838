import { runWorkerProcess } from "./features/jobs/worker-process";

// `npm run worker`: runs queued jobs; web replicas beside it set JOBS_MODE=off. See README "Background jobs".
await runWorkerProcess();
