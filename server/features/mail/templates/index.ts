import { createElement, type FunctionComponent } from "react";
import type { z } from "zod";
import type { MailTemplateName } from "@shared/contracts/mail";
import { orderFixture } from "./demo-data";
import { welcomeProps, WelcomeMail } from "./account-mails";
import { EmailChangeMail, EmailVerificationMail, GuestOrderConfirmationMail, guestOrderProps, PasswordResetMail, tokenLinkProps } from "./account-link-mails";
import { OrderMessageMail, orderMessageProps, StaffAlertMail, staffAlertProps } from "./inbox-mails";
import { OrderCancelledMail, orderCancelledProps, OrderConfirmationMail, OrderDeliveredMail, orderMailProps, OrderShippedMail } from "./order-mails";

/**
 * One entry per template: the props it is rendered from (checked when a job runs, since job payloads outlive
 * deploys), its subject, its component and demo props for the admin preview. Adding a template = a component,
 * an entry here and its name in shared/contracts/mail.ts.
 */
export interface MailTemplate<S extends z.ZodType> {
  description: string;
  props: S;
  subject(props: z.output<S>): string;
  component: FunctionComponent<z.output<S> & { baseUrl: string }>;
  demo: z.output<S>;
}

const template = <S extends z.ZodType>(t: MailTemplate<S>) => t;

export const mailTemplates = {
  "order-confirmation": template({
    description: "Sent when an order is paid: items, totals, shipping address and a link to the order.",
    props: orderMailProps,
    subject: ({ order }) => `Order ${order.number} confirmed`,
    component: OrderConfirmationMail,
    demo: { order: orderFixture("paid"), customerName: "Ada Lovelace" },
  }),
  "order-shipped": template({
    description: "Sent when staff mark an order shipped.",
    props: orderMailProps,
    subject: ({ order }) => `Order ${order.number} has shipped`,
    component: OrderShippedMail,
    demo: { order: orderFixture("shipped"), customerName: "Ada Lovelace" },
  }),
  "order-delivered": template({
    description: "Sent when an order is delivered.",
    props: orderMailProps,
    subject: ({ order }) => `Order ${order.number} was delivered`,
    component: OrderDeliveredMail,
    demo: { order: orderFixture("delivered"), customerName: "Ada Lovelace" },
  }),
  "order-cancelled": template({
    description: "Sent when a paid order is cancelled and refunded.",
    props: orderCancelledProps,
    subject: ({ order, refunded }) => `Order ${order.number} cancelled${refunded ? " and refunded" : ""}`,
    component: OrderCancelledMail,
    demo: { order: orderFixture("cancelled"), customerName: "Ada Lovelace", refunded: true },
  }),
  welcome: template({
    description: "An account mail: the greeting after registration.",
    props: welcomeProps,
    subject: () => "Welcome to FruitfulPlanet",
    component: WelcomeMail,
    demo: { name: "Ada Lovelace" },
  }),
  "password-reset": template({
    description: "An account mail: the single-use link (60 minutes) to choose a new password.",
    props: tokenLinkProps,
    subject: () => "Reset your FruitfulPlanet password",
    component: PasswordResetMail,
    demo: { name: "Ada Lovelace", token: "demo-token-demo-token-demo-token" },
  }),
  "email-verification": template({
    description: "An account mail: confirm the address given at registration.",
    props: tokenLinkProps,
    subject: () => "Confirm your e-mail address",
    component: EmailVerificationMail,
    demo: { name: "Ada Lovelace", token: "demo-token-demo-token-demo-token" },
  }),
  "email-change": template({
    description: "An account mail, sent to the new address: the account's address changes when its link is followed.",
    props: tokenLinkProps,
    subject: () => "Confirm your new e-mail address",
    component: EmailChangeMail,
    demo: { name: "Ada Lovelace", token: "demo-token-demo-token-demo-token" },
  }),
  "guest-order-confirmation": template({
    description: "Sent to a guest when their order is paid: the order and the link that opens it without an account.",
    props: guestOrderProps,
    subject: ({ order }) => `Order ${order.number} confirmed`,
    component: GuestOrderConfirmationMail,
    demo: { order: { ...orderFixture("paid"), userId: null, guestEmail: "ada@example.test", guestAccessToken: "demo-access-token-demo-access" } },
  }),
  "staff-alert": template({
    description: "A staff notification the recipient chose to get by e-mail too (console preferences).",
    props: staffAlertProps,
    subject: ({ title }) => title,
    component: StaffAlertMail,
    demo: { title: "New order FP-000123", body: "Ada Lovelace paid $42.00 for 3 items.", link: "/admin/orders/00000000-0000-4000-8000-000000000000" },
  }),
  "order-message": template({
    description: "An order message the other side had not read a minute after it was sent (customer or staff).",
    props: orderMessageProps,
    subject: ({ orderNumber }) => `New message about order ${orderNumber}`,
    component: OrderMessageMail,
    demo: {
      orderNumber: "FP-000123",
      authorName: "Ada Lovelace",
      body: "Could you leave the parcel with my neighbour?",
      link: "/orders/00000000-0000-4000-8000-000000000000",
    },
  }),
} satisfies Record<MailTemplateName, MailTemplate<z.ZodType>>;

export type MailTemplates = typeof mailTemplates;
/** The props a template is rendered from (what callers put in a mail.send job). */
export type MailProps<T extends MailTemplateName> = z.input<MailTemplates[T]["props"]>;

/** Builds the element for a template from unchecked props; throws a ZodError when they do not fit. */
export function templateElement(name: MailTemplateName, rawProps: unknown, baseUrl: string) {
  const entry = mailTemplates[name] as MailTemplate<z.ZodType>;
  const props = entry.props.parse(rawProps) as Record<string, unknown>;
  return { subject: entry.subject(props), element: createElement(entry.component, { ...props, baseUrl }) };
}
