import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useRef } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { ORDER_MESSAGE_MAX_LENGTH, orderMessageCreate, type OrderMessage, type OrderMessageCreate, type OrderMessageSide } from "@shared/contracts/inbox";
import { Button } from "@client/components/ui/button";
import { FormAlert } from "@client/components/ui/form-alert";
import { Spinner } from "@client/components/ui/skeleton";
import { formatDate, formatTime } from "@client/lib/dates";
import { applyServerError, rateLimitMessage } from "@client/lib/form-errors";
import { isApiError } from "@client/lib/api";
import { useMarkThreadRead, usePostMessage, useThread } from "../api/inbox";

interface OrderThreadProps {
  orderId: string;
  /** Which side the viewer writes for: the shopper's page or the admin console. */
  side: OrderMessageSide;
  /** A guest's order token (no WebSocket: the thread refetches every 30 s). */
  access?: string;
}

/**
 * An order's conversation (issue 16 §2, ADR 055). Bodies are rendered as text (React escapes them; line breaks kept
 * with CSS), never as HTML. Messages from the other side that arrive while the thread is open are marked read.
 */
export function OrderThread({ orderId, side, access }: OrderThreadProps) {
  const thread = useThread(orderId, access);
  const markRead = useMarkThreadRead(orderId, access);
  const messages = thread.data?.data ?? [];
  const unreadFromOtherSide = messages.some((m) => m.authorSide !== side && !m.readAt);
  const marking = useRef(false);
  useEffect(() => {
    // The GET already read what was there; this covers messages pushed live while the page is open.
    if (!unreadFromOtherSide || marking.current || document.visibilityState !== "visible") return;
    marking.current = true;
    markRead.mutate(undefined, { onSettled: () => (marking.current = false) });
  }, [unreadFromOtherSide, markRead]);

  return (
    <div className="space-y-4" data-testid="order-thread">
      {thread.isPending ? (
        <Spinner label="Loading messages" />
      ) : thread.isError ? (
        <p className="text-sm text-red-700">The messages could not be loaded.</p>
      ) : messages.length === 0 ? (
        <p className="text-sm text-stone-600">{side === "customer" ? "Questions about this order? Write to us here." : "No messages on this order yet."}</p>
      ) : (
        <ol className="max-h-96 space-y-3 overflow-y-auto" aria-label="Messages" aria-live="polite">
          {messages.map((m) => (
            <MessageBubble key={m.id} message={m} mine={m.authorSide === side} />
          ))}
        </ol>
      )}
      <MessageForm orderId={orderId} access={access} side={side} />
    </div>
  );
}

function MessageBubble({ message: m, mine }: { message: OrderMessage; mine: boolean }) {
  return (
    <li className={`flex ${mine ? "justify-end" : "justify-start"}`} data-testid="order-message">
      <div className={`max-w-[85%] rounded-2xl px-4 py-2 ${mine ? "bg-brand-50 text-stone-900" : "bg-stone-100 text-stone-900"}`}>
        <p className="text-xs font-semibold text-stone-600">
          {m.authorName}
          {m.authorSide === "staff" && <span className="font-normal"> · FruitfulPlanet</span>}
        </p>
        <p className="whitespace-pre-wrap break-words text-sm">{m.body}</p>
        <p className="mt-1 text-xs text-stone-500">
          <time dateTime={m.createdAt}>
            {formatDate(m.createdAt)}, {formatTime(m.createdAt)}
          </time>
          {mine && <span data-testid="read-receipt">{m.readAt ? " · Seen" : " · Sent"}</span>}
        </p>
      </div>
    </li>
  );
}

function MessageForm({ orderId, access, side }: { orderId: string; access?: string; side: OrderMessageSide }) {
  const post = usePostMessage(orderId, access);
  const form = useForm<z.input<typeof orderMessageCreate>, unknown, OrderMessageCreate>({
    resolver: zodResolver(orderMessageCreate),
    defaultValues: { body: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await post.mutateAsync(values);
      form.reset({ body: "" });
    } catch (error) {
      if (isApiError(error) && error.code === "rate_limited") {
        form.setError("root.server", { type: "server", message: rateLimitMessage(error.retryAfterSeconds) });
        return;
      }
      applyServerError(error, form.setError, { fields: ["body"] });
    }
  });
  const label = side === "customer" ? "Your message" : "Reply to the customer";
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Write a message" className="space-y-2">
      <FormAlert message={errors.root?.server?.message} />
      <label htmlFor={`message-${orderId}`} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <textarea
        id={`message-${orderId}`}
        rows={3}
        maxLength={ORDER_MESSAGE_MAX_LENGTH}
        className="block w-full rounded-lg border border-stone-300 px-3 py-2 text-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
        aria-invalid={errors.body ? true : undefined}
        aria-describedby={errors.body ? `message-${orderId}-error` : undefined}
        {...form.register("body")}
      />
      {errors.body && (
        <p id={`message-${orderId}-error`} className="text-sm font-medium text-red-700">
          {errors.body.message}
        </p>
      )}
      <Button type="submit" size="sm" disabled={isSubmitting}>
        {isSubmitting && <Spinner label="Sending" />}
        Send
      </Button>
    </form>
  );
}
