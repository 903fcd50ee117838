import { useEffect, useState, useSyncExternalStore, type RefObject } from "react";

const subscribeVisibility = (onChange: () => void) => {
  document.addEventListener("visibilitychange", onChange);
  return () => document.removeEventListener("visibilitychange", onChange);
};
const pageVisible = () => document.visibilityState !== "hidden";

/**
 * True while the element is on screen (or near it) and the tab is visible. Charts off screen skip their
 * once-a-second redraw and catch up when scrolled back into view: the SVG work goes only where someone looks.
 */
export function useOnScreen(ref: RefObject<Element | null>, rootMargin = "200px"): boolean {
  const [intersecting, setIntersecting] = useState(true);
  const visible = useSyncExternalStore(subscribeVisibility, pageVisible, () => true);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver((entries) => setIntersecting(entries.some((e) => e.isIntersecting)), { rootMargin });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, rootMargin]);
  return intersecting && visible;
}
