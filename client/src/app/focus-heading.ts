import { useEffect, useRef } from "react";
import { useLocation } from "wouter";

/** How long to wait for the new page's heading: lazy chunks and data can take a moment on slow phones. */
const WAIT_MS = 3000;

const isTyping = (el: Element | null) => el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;

/**
 * After in-app navigation to another path, focus the page's main heading (`main h1`, made focusable with
 * tabIndex -1), so screen reader and keyboard users start on the new page instead of on <body> or the old link.
 * Not on the first load (the browser handles that), not for query-string changes (filters, paging), and never
 * when the shopper has meanwhile put focus somewhere else or is typing.
 */
export function useFocusHeadingOnNavigate(): void {
  const [path] = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const before = document.activeElement;
    if (isTyping(before)) return;
    const started = performance.now();
    let frame = 0;
    let focused: HTMLElement | null = null;
    // Watched for a few seconds, not just once: a loading skeleton's heading can be replaced by the page's own.
    const tryFocus = () => {
      const now = document.activeElement;
      const ours = focused !== null && now === focused && focused.isConnected;
      // Someone moved focus on purpose (a dialog, a field): leave it.
      if (!ours && now !== before && now !== document.body && now?.id !== "main") return;
      const heading = document.querySelector<HTMLElement>("main h1");
      if (heading && heading !== now) {
        if (!heading.hasAttribute("tabindex")) heading.tabIndex = -1;
        heading.focus({ preventScroll: true });
        focused = heading;
      }
      if (performance.now() - started < WAIT_MS) frame = requestAnimationFrame(tryFocus);
    };
    frame = requestAnimationFrame(tryFocus);
    return () => cancelAnimationFrame(frame);
  }, [path]);
}
