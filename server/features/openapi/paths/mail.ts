import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { idParams } from "@shared/contracts/common";
import { mailMessage, mailOutboxPage, mailOutboxQuery, mailPreviewList, mailSummary } from "@shared/contracts/mail";
import { errorResponses, jsonResponse, nameSchema, security } from "../openapi.components";

export const tag = { name: "Mail", description: "E-mails the server produced (the outbox) and template previews (admins only)." };
const tags = [tag.name];

export function register(registry: OpenAPIRegistry): void {
  nameSchema(mailSummary, "MailSummary");
  nameSchema(mailMessage, "MailMessage", "An outbox entry with its HTML and plain-text bodies.");
  nameSchema(mailOutboxPage, "MailOutboxPage");
  nameSchema(mailPreviewList, "MailPreviewList");

  registry.registerPath({
    method: "get",
    path: "/api/v1/mail/outbox",
    operationId: "listMailOutbox",
    tags,
    summary: "List stored and sent e-mails, newest first",
    description: "Every mail is stored, sent or not: without `SMTP_URL` this is the only place to read them. Filter by `status` and `template`.",
    security: security.read,
    request: { query: mailOutboxQuery },
    responses: { 200: jsonResponse("A page of mails.", mailOutboxPage), ...errorResponses(400, "unauthenticated", "forbidden") },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/mail/outbox/{id}",
    operationId: "getMailMessage",
    tags,
    summary: "One mail with its HTML and text",
    security: security.read,
    request: { params: idParams },
    responses: { 200: jsonResponse("The mail.", mailMessage), ...errorResponses(400, "unauthenticated", "forbidden", "not_found") },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/mail/previews",
    operationId: "previewMailTemplates",
    tags,
    summary: "Every template rendered with demo data",
    security: security.read,
    responses: { 200: jsonResponse("Subject, HTML and text of each template.", mailPreviewList), ...errorResponses("unauthenticated", "forbidden") },
  });
}
