import { z } from "zod";
import { Text } from "@react-email/text";
import { ActionLink, MailLayout, textStyle } from "./layout";

/** Account mails address the user by name; password reset and e-mail verification belong here too. */
export const welcomeProps = z.object({ name: z.string() });
export type WelcomeProps = z.infer<typeof welcomeProps>;

export function WelcomeMail({ name, baseUrl }: WelcomeProps & { baseUrl: string }) {
  return (
    <MailLayout preview="Your FruitfulPlanet account is ready." heading={`Welcome, ${name}!`} baseUrl={baseUrl}>
      <Text style={textStyle}>Your account is ready. Browse fresh produce from growers across every sector and check out in seconds.</Text>
      <ActionLink href={baseUrl}>Start shopping</ActionLink>
    </MailLayout>
  );
}
