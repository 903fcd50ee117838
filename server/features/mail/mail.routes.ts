import { idParams } from "@shared/contracts/common";
import { mailMessage, mailOutboxPage, mailOutboxQuery, mailPreviewList, mailSummary } from "@shared/contracts/mail";
import { routeTable } from "../../lib/route-table";
import type { MailService } from "./mail.service";

/** The outbox (every mail the server produced) and template previews: admins only. */
export const mailRoutes = routeTable<MailService>(
  {
    mount: "/api/v1",
    tag: { name: "Mail", description: "E-mails the server produced (the outbox) and template previews (admins only)." },
    schemas: {
      MailSummary: mailSummary,
      MailMessage: [mailMessage, "An outbox entry with its HTML and plain-text bodies."],
      MailOutboxPage: mailOutboxPage,
      MailPreviewList: mailPreviewList,
    },
    commonErrors: true,
  },
  (route) => [
    route({
      method: "get",
      path: "/mail/outbox",
      operationId: "listMailOutbox",
      summary: "List stored and sent e-mails, newest first",
      description: "Every mail is stored, sent or not: without `SMTP_URL` this is the only place to read them. Filter by `status` and `template`.",
      access: "admin",
      request: { query: mailOutboxQuery },
      responses: { 200: { description: "A page of mails.", schema: mailOutboxPage } },
      errors: [400, "unauthenticated", "forbidden"],
      handler: ({ user, query }, mail) => mail.listOutbox(user, query),
    }),
    route({
      method: "get",
      path: "/mail/outbox/:id",
      operationId: "getMailMessage",
      summary: "One mail with its HTML and text",
      access: "admin",
      request: { params: idParams },
      responses: { 200: { description: "The mail.", schema: mailMessage } },
      errors: [400, "unauthenticated", "forbidden", "not_found"],
      handler: ({ user, params }, mail) => mail.getMessage(user, params.id),
    }),
    route({
      method: "get",
      path: "/mail/previews",
      operationId: "previewMailTemplates",
      summary: "Every template rendered with demo data",
      access: "admin",
      responses: { 200: { description: "Subject, HTML and text of each template.", schema: mailPreviewList } },
      errors: ["unauthenticated", "forbidden"],
      handler: ({ user }, mail) => mail.previews(user),
    }),
  ],
);
