/* @jsxRuntime automatic */
// The pragma, not only tsconfig.server.json: tsx (npm run worker, npm run dev) reads the solution tsconfig.json, which
// covers no files, and would compile JSX to React.createElement with no React in scope — every mail.send would fail.
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
