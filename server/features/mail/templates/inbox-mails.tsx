/* @jsxRuntime automatic */
// The pragma: see account-mails.tsx (tsx reads the solution tsconfig.json).
import { z } from "zod";
import { Text } from "@react-email/text";
import { ActionLink, MailLayout, textStyle } from "./layout";

/**
 * Issue 16: a staff notification the recipient asked to get by e-mail, and an order message the other side
 * had not read a while after it was sent. Message bodies are customer text: React escapes it (never HTML).
 */
export const staffAlertProps = z.object({ title: z.string(), body: z.string(), link: z.string().nullable() });
export type StaffAlertProps = z.infer<typeof staffAlertProps>;

export const orderMessageProps = z.object({ orderNumber: z.string(), authorName: z.string(), body: z.string(), link: z.string() });
export type OrderMessageProps = z.infer<typeof orderMessageProps>;

type WithBase<P> = P & { baseUrl: string };

export function StaffAlertMail({ title, body, link, baseUrl }: WithBase<StaffAlertProps>) {
  return (
    <MailLayout preview={title} heading={title} baseUrl={baseUrl}>
      <Text style={textStyle}>{body}</Text>
      {link ? <ActionLink href={`${baseUrl}${link}`}>Open in the console</ActionLink> : null}
      <Text style={textStyle}>You get this e-mail because of your notification preferences in the console.</Text>
    </MailLayout>
  );
}

export function OrderMessageMail({ orderNumber, authorName, body, link, baseUrl }: WithBase<OrderMessageProps>) {
  return (
    <MailLayout preview={`New message about order ${orderNumber}`} heading={`A message about order ${orderNumber}`} baseUrl={baseUrl}>
      <Text style={textStyle}>{authorName} wrote:</Text>
      <Text style={{ ...textStyle, whiteSpace: "pre-wrap" }}>{body}</Text>
      <ActionLink href={`${baseUrl}${link}`}>Reply on the order page</ActionLink>
    </MailLayout>
  );
}
