import { z } from "zod";
import type { ListOf } from "@shared/contracts/common";
import {
  mailTemplateName,
  mailTemplateNames,
  type MailMessage,
  type MailOutboxFilters,
  type MailPreview,
  type MailSummary,
  type MailTemplateName,
} from "@shared/contracts/mail";
import { openJsonValue, sealJsonValue } from "@shared/sealed-columns";
import type { TxScope } from "../../db";
import { AppError, notFound } from "../../lib/app-error";
import type { Logger } from "../../lib/logger";
import { createdAtPage, decodeCreatedAtCursor } from "../../lib/timestamp-cursor";
import type { JobQueue } from "../jobs/jobs.types";
import type { MailRepo, OutboxRow, OutboxSummaryRow } from "./mail.repo";
import { renderDemos, renderMail } from "./mail.render";
import type { MailTransport } from "./mail.transport";
import type { MailProps } from "./templates";

export const MAIL_SEND = "mail.send";

/** A literal address, or a user whose current address is looked up when the mail is sent. */
const recipient = z.union([z.object({ email: z.email() }).strict(), z.object({ userId: z.uuid() }).strict()]);
export type MailRecipient = z.infer<typeof recipient>;

/**
 * The props of a mail.send job are sealed in its payload (ADR 074): they carry the order with its shipping address,
 * order message text and account-link tokens, and job rows outlive the send (JOBS_RETENTION_DAYS). Sealing the one
 * field keeps every template's props as they are; the data.reencrypt job rotates it (jobs.reseal.repo.ts).
 */
export const MAIL_PROPS_SEALED = { kind: MAIL_SEND, field: "props", context: "jobs.payload.mail.send.props" } as const;

/** The mail.send job payload; checked when the job runs because payloads outlive deploys. */
export const mailSendPayload = z.object({
  template: mailTemplateName,
  to: recipient,
  /** Sealed (a string); plain props are jobs queued before sealing, read as they are. */
  props: z.unknown(),
  dedupeKey: z.string().min(1).max(200).optional(),
});
export type MailSendPayload = z.infer<typeof mailSendPayload>;

export interface MailServiceDeps {
  repo: MailRepo;
  jobs: JobQueue;
  /** How a user id becomes an address (users feature). */
  findUser: (id: string) => Promise<{ email: string } | undefined>;
  /** Absent without SMTP_URL: mails are then only stored in the outbox. */
  transport?: MailTransport;
  baseUrl: string;
  logger: Logger;
}

/**
 * Mails a person waits for at a screen (the link to reset a password, verify or change an address): claimed
 * before the confirmations and alerts a burst of orders queues (ADR 085).
 */
const AWAITED_TEMPLATES: ReadonlySet<MailTemplateName> = new Set(["password-reset", "email-verification", "email-change"]);

export interface EnqueueMailOptions {
  tx?: TxScope;
  /** One message per key (e.g. `order-confirmation:<orderId>`), whatever retries or replicas do. */
  dedupeKey?: string;
}

type Viewer = { role: string } | undefined;
const LIST_SORT = "mail:newest";

function assertAdmin(viewer: Viewer): void {
  if (!viewer) throw new AppError("unauthenticated", "Sign in to continue.");
  if (viewer.role !== "admin") throw new AppError("forbidden", "Only admins can read the mail outbox.");
}

function toSummary(row: OutboxSummaryRow, createdAt = row.createdAt.toISOString()): MailSummary {
  return {
    id: row.id,
    to: row.toAddress,
    subject: row.subject,
    template: row.template,
    status: row.status,
    error: row.error,
    createdAt,
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 500);

export function createMailService(deps: MailServiceDeps) {
  const { repo, jobs, transport, logger } = deps;

  async function addressOf(to: MailRecipient): Promise<string | undefined> {
    if ("email" in to) return to.email;
    return (await deps.findUser(to.userId))?.email;
  }

  return {
    /** Queues a mail inside the caller's transaction: a rolled-back write sends nothing. */
    async enqueue<T extends MailTemplateName>(template: T, to: MailRecipient, props: MailProps<T>, options: EnqueueMailOptions = {}): Promise<void> {
      const payload: MailSendPayload = { template, to, props: sealJsonValue(props, MAIL_PROPS_SEALED.context), dedupeKey: options.dedupeKey };
      await jobs.enqueue(MAIL_SEND, payload, {
        tx: options.tx,
        dedupeKey: options.dedupeKey && `mail:${options.dedupeKey}`,
        priority: AWAITED_TEMPLATES.has(template) ? "urgent" : undefined,
      });
    },

    /** "Send this template to this user" (account mails): the address is the user's at send time. */
    sendToUser<T extends MailTemplateName>(userId: string, template: T, props: MailProps<T>, options: EnqueueMailOptions = {}): Promise<void> {
      return this.enqueue(template, { userId }, props, options);
    },

    /**
     * The mail.send handler: render, send (or only store without SMTP), record the outcome. A key already
     * sent or stored is not sent again; an SMTP failure is recorded and thrown so the queue retries it.
     */
    async deliver(rawPayload: unknown): Promise<OutboxRow | undefined> {
      const payload = mailSendPayload.parse(rawPayload);
      if (payload.dedupeKey) {
        const earlier = await repo.findByDedupeKey(payload.dedupeKey);
        if (earlier && earlier.status !== "failed") return earlier;
      }
      const address = await addressOf(payload.to);
      if (!address) {
        logger.warn({ template: payload.template }, "mail not sent: the recipient no longer exists");
        return undefined;
      }
      const rendered = await renderMail(payload.template, openJsonValue(payload.props, MAIL_PROPS_SEALED.context), deps.baseUrl);
      const base = { toAddress: address, template: payload.template, dedupeKey: payload.dedupeKey ?? null, ...rendered };
      if (!transport) return repo.saveOutcome({ ...base, status: "stored" });
      try {
        await transport.send({ to: address, ...rendered });
      } catch (err) {
        await repo.saveOutcome({ ...base, status: "failed", error: errorText(err) });
        throw err;
      }
      return repo.saveOutcome({ ...base, status: "sent", sentAt: new Date() });
    },

    async listOutbox(viewer: Viewer, filters: MailOutboxFilters): Promise<ListOf<MailSummary>> {
      assertAdmin(viewer);
      const rows = await repo.list({
        status: filters.status,
        template: filters.template,
        after: decodeCreatedAtCursor(filters.cursor, LIST_SORT),
        limit: filters.limit,
      });
      return createdAtPage(rows, filters.limit, LIST_SORT, toSummary);
    },

    async getMessage(viewer: Viewer, id: string): Promise<MailMessage> {
      assertAdmin(viewer);
      const row = await repo.findById(id);
      if (!row) throw notFound("Mail");
      return { ...toSummary(row), html: row.html, text: row.text };
    },

    /** Every template rendered with its demo data. */
    async previews(viewer: Viewer): Promise<{ data: MailPreview[] }> {
      assertAdmin(viewer);
      return { data: await renderDemos(mailTemplateNames, deps.baseUrl) };
    },
  };
}
export type MailService = ReturnType<typeof createMailService>;

/** Registers the mail.send job kind; SMTP outages are retried for hours before a mail is dead-lettered. */
export function registerMailJobs(jobs: JobQueue, mail: MailService): void {
  jobs.register(
    MAIL_SEND,
    async (payload) => {
      await mail.deliver(payload);
    },
    { retryLimit: 10, retryDelaySeconds: 30, timeoutSeconds: 60 },
  );
}
