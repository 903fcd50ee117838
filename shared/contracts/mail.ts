import { z } from "zod";
import { listOf, pageQuery, uuid } from "./common";

/** Every template the server can render; adding one means a component and an entry in the server's registry. */
export const mailTemplateNames = [
  "order-confirmation",
  "order-shipped",
  "order-delivered",
  "order-cancelled",
  "welcome",
  "password-reset",
  "email-verification",
  "email-change",
  "guest-order-confirmation",
  "staff-alert",
  "order-message",
] as const;
export const mailTemplateName = z.enum(mailTemplateNames);
export type MailTemplateName = z.infer<typeof mailTemplateName>;

/** sent: handed to the SMTP server; stored: kept only in the outbox (no SMTP_URL); failed: SMTP refused it (retried by the queue). */
export const mailStatuses = ["sent", "stored", "failed"] as const;
export const mailStatus = z.enum(mailStatuses);
export type MailStatus = z.infer<typeof mailStatus>;

export const mailOutboxQuery = z
  .object({
    status: mailStatus.optional(),
    template: mailTemplateName.optional(),
    ...pageQuery,
  })
  .strict();
export type MailOutboxQuery = z.input<typeof mailOutboxQuery>;
export type MailOutboxFilters = z.output<typeof mailOutboxQuery>;

export const mailSummary = z.object({
  id: uuid,
  to: z.string(),
  subject: z.string(),
  template: z.string(),
  status: mailStatus,
  error: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type MailSummary = z.infer<typeof mailSummary>;

/** One outbox entry with its rendered bodies (the list leaves them out). */
export const mailMessage = mailSummary.extend({ html: z.string(), text: z.string() });
export type MailMessage = z.infer<typeof mailMessage>;

export const mailOutboxPage = listOf(mailSummary);

/** A template rendered with demo data, for admins to preview. */
export const mailPreview = z.object({ template: mailTemplateName, description: z.string(), subject: z.string(), html: z.string(), text: z.string() });
export type MailPreview = z.infer<typeof mailPreview>;
export const mailPreviewList = z.object({ data: z.array(mailPreview) });
