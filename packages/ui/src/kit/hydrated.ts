import { useSyncExternalStore } from "react";

const subscribeNothing = () => () => undefined;

/**
 * False while React hydrates the server's HTML, true afterwards (and at once on a client-side
 * navigation). State kept in this tab (sessionStorage drafts) must wait for it: the server cannot
 * know it, and a first render that differs from the server's HTML is a hydration error.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
}
