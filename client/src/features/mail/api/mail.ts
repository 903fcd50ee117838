import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { ListOf } from "@shared/contracts/common";
import type { MailMessage, MailPreview, MailStatus, MailSummary } from "@shared/contracts/mail";
import { api, cursorPaging } from "@client/lib/api";

export type OutboxPage = ListOf<MailSummary>;
export const OUTBOX_PAGE_SIZE = 25;

/** The mail feature's one query-key factory. */
export const mailKeys = {
  all: ["mail"] as const,
  outbox: (status: MailStatus | undefined) => [...mailKeys.all, "outbox", status ?? "all"] as const,
  message: (id: string) => [...mailKeys.all, "message", id] as const,
  previews: () => [...mailKeys.all, "previews"] as const,
};

export const outboxPagesOptions = (status: MailStatus | undefined) =>
  infiniteQueryOptions({
    queryKey: mailKeys.outbox(status),
    queryFn: ({ pageParam, signal }) => api.get<OutboxPage>("/api/v1/mail/outbox", { status, limit: OUTBOX_PAGE_SIZE, cursor: pageParam }, signal),
    ...cursorPaging,
    // Mails arrive from background jobs: show the newest on every visit.
    staleTime: 0,
  });
export const useOutboxPages = (status: MailStatus | undefined) => useInfiniteQuery(outboxPagesOptions(status));

export const useMailMessage = (id: string | undefined) =>
  useQuery(
    queryOptions({
      queryKey: mailKeys.message(id ?? ""),
      queryFn: ({ signal }) => api.get<MailMessage>(`/api/v1/mail/outbox/${encodeURIComponent(id!)}`, undefined, signal),
      enabled: Boolean(id),
      staleTime: Infinity,
    }),
  );

export const useMailPreviews = () =>
  useQuery(
    queryOptions({ queryKey: mailKeys.previews(), queryFn: ({ signal }) => api.get<{ data: MailPreview[] }>("/api/v1/mail/previews", undefined, signal) }),
  );
