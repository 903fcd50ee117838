import { z } from "zod";
import { Text } from "@react-email/text";
import { createdOrder } from "@shared/contracts/orders";
import { formatMoney } from "../money";
import { ActionLink, MailLayout, textStyle } from "./layout";
import { ItemsTable, ShippingAddress } from "./order-mails";

/**
 * Mails that carry a single-use link (issue 11): password reset, e-mail verification and change, and the
 * guest's order confirmation with the link that opens the order without an account. The token is in the
 * props only for the render; it is never logged.
 */
export const tokenLinkProps = z.object({ name: z.string(), token: z.string().min(20) });
export type TokenLinkProps = z.infer<typeof tokenLinkProps>;
type WithBase<P> = P & { baseUrl: string };

const link = (baseUrl: string, path: string, token: string) => `${baseUrl}${path}?token=${encodeURIComponent(token)}`;

export function PasswordResetMail({ name, token, baseUrl }: WithBase<TokenLinkProps>) {
  return (
    <MailLayout preview="Choose a new password for your FruitfulPlanet account." heading="Reset your password" baseUrl={baseUrl}>
      <Text style={textStyle}>Hello {name}, someone (hopefully you) asked to reset the password of your account. The link works once, for 60 minutes.</Text>
      <ActionLink href={link(baseUrl, "/reset-password", token)}>Choose a new password</ActionLink>
      <Text style={textStyle}>If you did not ask for this, ignore this e-mail: your password stays as it is.</Text>
    </MailLayout>
  );
}

export function EmailVerificationMail({ name, token, baseUrl }: WithBase<TokenLinkProps>) {
  return (
    <MailLayout preview="Confirm your e-mail address." heading="Confirm your e-mail address" baseUrl={baseUrl}>
      <Text style={textStyle}>Hello {name}, please confirm that this address belongs to you. The link works once, for 48 hours.</Text>
      <ActionLink href={link(baseUrl, "/verify-email", token)}>Confirm my address</ActionLink>
    </MailLayout>
  );
}

export function EmailChangeMail({ name, token, baseUrl }: WithBase<TokenLinkProps>) {
  return (
    <MailLayout preview="Confirm your new e-mail address." heading="Confirm your new e-mail address" baseUrl={baseUrl}>
      <Text style={textStyle}>
        Hello {name}, your account asked to use this address from now on. It changes only when you follow this link (once, within 48 hours).
      </Text>
      <ActionLink href={link(baseUrl, "/verify-email", token)}>Use this address</ActionLink>
      <Text style={textStyle}>If you did not ask for this, ignore this e-mail.</Text>
    </MailLayout>
  );
}

export const guestOrderProps = z.object({ order: createdOrder.required({ guestAccessToken: true }) });
export type GuestOrderProps = z.infer<typeof guestOrderProps>;

export function GuestOrderConfirmationMail({ order, baseUrl }: WithBase<GuestOrderProps>) {
  const href = `${baseUrl}/orders/${order.id}?access=${encodeURIComponent(order.guestAccessToken)}`;
  return (
    <MailLayout
      preview={`We received your payment of ${formatMoney(order.totalCents, order.currency)}.`}
      heading={`Thank you for your order, ${order.shippingAddress.name}!`}
      baseUrl={baseUrl}
    >
      <Text style={textStyle}>
        Your payment for order {order.number} was received. Keep this e-mail: its link is how you follow the order without an account.
      </Text>
      <ItemsTable order={order} />
      <ShippingAddress order={order} />
      <ActionLink href={href}>View order {order.number}</ActionLink>
    </MailLayout>
  );
}
