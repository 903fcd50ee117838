import { ConsolePageHeader } from "@client/app/console-shell";
import { SectionHeading } from "@client/components/ui/layout";
import { CachePurgePanel } from "@client/features/settings/components/cache-purge-panel";
import { FlagsForm } from "@client/features/settings/components/flags-form";

export default function SettingsPage() {
  return (
    <>
      <title>Settings · Admin · FruitfulPlanet</title>
      <ConsolePageHeader title="Settings" description="Runtime feature flags and the shared cache. Every change is audited." />
      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="flags-heading">
          <SectionHeading id="flags-heading" title="Feature flags" />
          <FlagsForm />
        </section>
        <section aria-labelledby="cache-heading">
          <SectionHeading id="cache-heading" title="Cache" />
          <CachePurgePanel />
        </section>
      </div>
    </>
  );
}
