import { useState } from "react";
import { Link } from "wouter";
import { staffAlertKindLabels, type StaffAlertKind, type StaffNotification } from "@shared/contracts/inbox";
import { Button } from "@client/components/ui/button";
import { Dialog } from "@client/components/ui/dialog";
import { Spinner } from "@client/components/ui/skeleton";
import { formatDate, formatTime } from "@client/lib/dates";
import { useMe } from "@client/features/auth/api/auth";
import { useRealtimeChannel } from "@client/features/realtime/use-realtime";
import { useMarkAllNotificationsRead, useMarkNotificationRead, useNotifications } from "../api/inbox";
import { PreferencesForm } from "./preferences-form";

/** The console's bell (staff and admins): the unread count, and a panel with the list and the preferences. */
export function NotificationBell() {
  const me = useMe();
  const staff = me.data?.role === "staff" || me.data?.role === "admin";
  useRealtimeChannel("notifications", staff);
  const [open, setOpen] = useState(false);
  const list = useNotifications(staff);
  if (!staff) return null;
  const unread = list.data?.pages[0]?.unreadCount ?? 0;
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="relative rounded-lg p-2 text-stone-800 hover:bg-brand-50 hover:text-brand-900"
        aria-label={unread ? `Notifications, ${unread} unread` : "Notifications"}
        data-testid="notification-bell"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} className="size-6">
          <path
            strokeLinecap="round"
            strokeLinejoin="round"
            d="M14.9 17.1a24 24 0 0 0 5.5-1.3A8.9 8.9 0 0 1 18 9.7V9a6 6 0 0 0-12 0v.7a8.9 8.9 0 0 1-2.3 6.1 24 24 0 0 0 5.4 1.3m5.7 0a24 24 0 0 1-5.7 0m5.7 0a3 3 0 1 1-5.7 0"
          />
        </svg>
        {unread > 0 && (
          <span
            aria-hidden="true"
            className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs font-bold leading-5 text-white"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </button>
      <Dialog open={open} onOpenChange={setOpen} title="Notifications" description={unread ? `${unread} unread` : "All caught up"} size="lg">
        <NotificationPanel onNavigate={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function NotificationPanel({ onNavigate }: { onNavigate: () => void }) {
  const list = useNotifications();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const [showPreferences, setShowPreferences] = useState(false);
  const items = list.data?.pages.flatMap((p) => p.data) ?? [];
  const unread = list.data?.pages[0]?.unreadCount ?? 0;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-2">
        <Button size="sm" variant="secondary" disabled={!unread || markAll.isPending} onClick={() => markAll.mutate()}>
          Mark all read
        </Button>
        <Button size="sm" variant="ghost" aria-expanded={showPreferences} onClick={() => setShowPreferences((v) => !v)}>
          Preferences
        </Button>
      </div>
      {showPreferences && <PreferencesForm />}
      {list.isPending ? (
        <Spinner label="Loading notifications" />
      ) : list.isError ? (
        <p className="text-sm text-red-700">The notifications could not be loaded.</p>
      ) : items.length === 0 ? (
        <p className="text-sm text-stone-600">No notifications yet. New orders, failed payments, low stock and customer messages show up here.</p>
      ) : (
        <ul className="max-h-96 divide-y divide-stone-100 overflow-y-auto" aria-label="Notifications">
          {items.map((n) => (
            <NotificationItem
              key={n.id}
              notification={n}
              onOpen={() => {
                if (!n.readAt) markRead.mutate(n.id);
                onNavigate();
              }}
            />
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <Button size="sm" variant="ghost" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          Show older
        </Button>
      )}
    </div>
  );
}

const kindTone: Record<StaffAlertKind, string> = {
  "order.new": "bg-brand-100 text-brand-900",
  "payment.failed": "bg-red-100 text-red-900",
  "stock.low": "bg-amber-100 text-amber-900",
  "webhook.disabled": "bg-red-100 text-red-900",
  "job.dead": "bg-red-100 text-red-900",
  "message.new": "bg-sky-100 text-sky-900",
};

function NotificationItem({ notification: n, onOpen }: { notification: StaffNotification; onOpen: () => void }) {
  const title = (
    <span className={n.readAt ? "font-medium text-stone-800" : "font-semibold text-stone-950"}>
      {!n.readAt && <span className="sr-only">Unread: </span>}
      {n.title}
    </span>
  );
  return (
    <li className="flex gap-3 py-3" data-testid="notification">
      <span aria-hidden="true" className={`mt-1.5 size-2 shrink-0 rounded-full ${n.readAt ? "bg-transparent" : "bg-red-600"}`} />
      <div className="min-w-0 flex-1">
        <p className="text-sm">
          {n.link ? (
            <Link href={n.link} onClick={onOpen} className="underline-offset-2 hover:underline">
              {title}
            </Link>
          ) : (
            title
          )}
        </p>
        <p className="mt-0.5 break-words text-sm text-stone-600">{n.body}</p>
        <p className="mt-1 flex items-center gap-2 text-xs text-stone-500">
          <span className={`rounded px-1.5 py-0.5 font-semibold ${kindTone[n.kind]}`}>{staffAlertKindLabels[n.kind]}</span>
          <time dateTime={n.createdAt}>
            {formatDate(n.createdAt)}, {formatTime(n.createdAt)}
          </time>
        </p>
      </div>
    </li>
  );
}
