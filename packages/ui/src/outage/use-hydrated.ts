import { useSyncExternalStore } from "react";

const noop = () => () => undefined;

/** false in the server render and during hydration, true after: for content read from browser storage. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}
