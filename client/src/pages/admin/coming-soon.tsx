import { EmptyState } from "@client/components/ui/empty-state";
import { ConsolePageHeader } from "@client/app/console-shell";

/** A section whose feature has not landed yet. */
export function ComingSoon({ title, description, icon }: { title: string; description: string; icon: string }) {
  return (
    <>
      <title>{`${title} · Admin · FruitfulPlanet`}</title>
      <ConsolePageHeader title={title} />
      <EmptyState icon={icon} title={`${title} management is on its way`} description={description} />
    </>
  );
}
