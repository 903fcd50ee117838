import { ConsolePageHeader } from "@client/app/console-shell";
import { FailedJobList } from "@client/features/jobs/components/failed-job-list";

export default function FailedJobsPage() {
  return (
    <>
      <title>Failed jobs · Admin · FruitfulPlanet</title>
      <ConsolePageHeader title="Failed jobs" description="Background work that failed on every try. Fix the cause, then retry: the job runs again at once." />
      <FailedJobList />
    </>
  );
}
