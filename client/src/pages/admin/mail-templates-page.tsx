import { ConsolePageHeader } from "@client/app/console-shell";
import { TemplatePreviews } from "@client/features/mail/components/template-previews";

export default function MailTemplatesPage() {
  return (
    <>
      <title>Mail templates · Admin · FruitfulPlanet</title>
      <ConsolePageHeader title="Mail templates" description="Every e-mail template rendered with demo data, in HTML and plain text." />
      <TemplatePreviews />
    </>
  );
}
