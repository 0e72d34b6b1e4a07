"use client";
import { useEffect, useRef } from "react";
import { usePathname } from "next/navigation";

/** How long after a navigation a page that renders its heading late (loading first) still gets the focus. */
const SETTLE_MS = 10_000;

/**
 * On navigation inside the app, focus moves to the new page's heading (its h1 in the main
 * landmark), so a screen reader announces the page and keyboard users start from its top, as on a
 * full page load. The first render is left alone (the browser handles a real load). A page that
 * shows a loading heading first gets the final one when it replaces it, unless the person has
 * already moved on (a key press or a click ends the wait).
 */
export function useFocusHeadingOnNavigation(): void {
  const pathname = usePathname();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = document.querySelector("main");
    if (!main) return;
    let focused: HTMLElement | null = null;
    const tryFocus = () => {
      const heading = main.querySelector<HTMLElement>("h1");
      if (!heading || heading === focused) return;
      const active = document.activeElement;
      // Only take the focus from nowhere (the body, or an element the navigation removed) or from our own earlier heading.
      if (active && active !== document.body && active !== focused && document.contains(active) && !active.closest("header, nav")) return;
      if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
      heading.focus();
      focused = heading;
    };
    tryFocus();
    const observer = new MutationObserver(tryFocus);
    observer.observe(main, { childList: true, subtree: true });
    const stop = () => observer.disconnect();
    const timer = window.setTimeout(stop, SETTLE_MS);
    window.addEventListener("keydown", stop, { once: true, capture: true });
    window.addEventListener("pointerdown", stop, { once: true, capture: true });
    return () => {
      stop();
      window.clearTimeout(timer);
      window.removeEventListener("keydown", stop, { capture: true });
      window.removeEventListener("pointerdown", stop, { capture: true });
    };
  }, [pathname]);
}

/** The hook as a component, for the client root of every logged-in page. */
export function FocusHeadingOnNavigation(): null {
  useFocusHeadingOnNavigation();
  return null;
}
