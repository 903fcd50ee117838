import { Mail } from "lucide-react";
import { useState } from "react";
import { mailStatuses, type MailStatus, type MailSummary } from "@shared/contracts/mail";
import { Button } from "@client/components/ui/button";
import { Dialog } from "@client/components/ui/dialog";
import { EmptyState } from "@client/components/ui/empty-state";
import { ListScaffold } from "@client/components/ui/list-scaffold";
import { QueryErrorState } from "@client/components/ui/query-error-state";
import { SelectField } from "@client/components/ui/select";
import { Skeleton } from "@client/components/ui/skeleton";
import { ActionsTh, Table, TBody, Td, Th, THead, Tr } from "@client/components/ui/table";
import { formatDate, formatTime } from "@client/lib/dates";
import { useMailMessage, useOutboxPages } from "../api/mail";
import { MailBodyView } from "./mail-body-view";

const statusStyles: Record<MailStatus, string> = {
  sent: "bg-green-50 text-green-800 ring-green-200",
  stored: "bg-stone-100 text-stone-700 ring-stone-200",
  failed: "bg-red-50 text-red-800 ring-red-200",
};
const statusLabels: Record<MailStatus, string> = { sent: "Sent", stored: "Stored only", failed: "Failed" };

export function MailStatusBadge({ status }: { status: MailStatus }) {
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${statusStyles[status]}`}>{statusLabels[status]}</span>;
}

function MessageDialog({ mail, onClose }: { mail: MailSummary; onClose: () => void }) {
  const message = useMailMessage(mail.id);
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={mail.subject}
      description={`To ${mail.to} · ${formatDate(mail.createdAt)} ${formatTime(mail.createdAt)}`}
      size="lg"
    >
      {mail.error && <p className="mb-3 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{mail.error}</p>}
      {message.isPending ? (
        <Skeleton className="h-64 w-full" />
      ) : message.isError ? (
        <QueryErrorState error={message.error} title="We couldn't load this mail" onRetry={() => void message.refetch()} retrying={message.isRefetching} />
      ) : (
        <MailBodyView subject={message.data.subject} html={message.data.html} text={message.data.text} />
      )}
    </Dialog>
  );
}

/** Every mail the server produced, newest first; without SMTP this is where they can be read. */
export function OutboxList() {
  const [status, setStatus] = useState<MailStatus | undefined>();
  const [open, setOpen] = useState<MailSummary | undefined>();
  const query = useOutboxPages(status);
  const mails = query.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <div>
      <SelectField
        label="Status"
        fieldClassName="mb-4 max-w-xs"
        value={status ?? ""}
        onChange={(event) => setStatus((event.target.value || undefined) as MailStatus | undefined)}
        options={[{ value: "", label: "All statuses" }, ...mailStatuses.map((s) => ({ value: s, label: statusLabels[s] }))]}
      />
      <ListScaffold
        noun="mail"
        title="the outbox"
        query={query}
        items={mails}
        pages={query}
        moreLabel="older mails available"
        loadMoreLabel="Load older mails"
        loadingMoreLabel="Loading older mails"
        empty={
          <EmptyState
            icon={Mail}
            title={status ? "No mails with this status" : "No mails yet"}
            description="Order confirmations, shipping notices and account mails appear here as they are produced."
          />
        }
      >
        {(rows) => (
          <Table caption="Outbox" busy={query.isFetching}>
            <THead>
              <tr>
                <Th>Subject</Th>
                <Th>To</Th>
                <Th>Template</Th>
                <Th>Status</Th>
                <Th>Created</Th>
                <ActionsTh />
              </tr>
            </THead>
            <TBody>
              {rows.map((mail) => (
                <Tr key={mail.id}>
                  <Td className="font-medium">{mail.subject}</Td>
                  <Td>{mail.to}</Td>
                  <Td className="font-mono text-xs">{mail.template}</Td>
                  <Td>
                    <MailStatusBadge status={mail.status} />
                  </Td>
                  <Td className="whitespace-nowrap">
                    {formatDate(mail.createdAt)} {formatTime(mail.createdAt)}
                  </Td>
                  <Td>
                    <Button size="sm" variant="secondary" onClick={() => setOpen(mail)} aria-label={`View “${mail.subject}” to ${mail.to}`}>
                      View
                    </Button>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </ListScaffold>
      {open && <MessageDialog mail={open} onClose={() => setOpen(undefined)} />}
    </div>
  );
}
