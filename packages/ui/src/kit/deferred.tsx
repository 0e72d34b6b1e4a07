"use client";
import type { ComponentType, ReactNode } from "react";
import { useHydrated } from "./hydrated";

/**
 * A page's client code is loaded after the page is shown (next/dynamic, server-rendered): the
 * server's HTML is on screen at once and React takes it over when the page's script has come.
 * Until then nothing in it may be used as if it worked: a form would be sent by the browser itself
 * (a GET to the same address with the fields in it, the search lost) and a button would do nothing.
 * So the page's controls are disabled in the server's HTML and enabled when its code has taken
 * over (a disabled field cannot be typed in, so nothing typed is lost); links work throughout.
 * `role="none"`: the fieldset is only a switch, not a group a screen reader should announce.
 */
export function HydrationGate({ children }: { children: ReactNode }) {
  const hydrated = useHydrated();
  return (
    <fieldset role="none" disabled={!hydrated} data-hydration-gate="" className="contents">
      {children}
    </fieldset>
  );
}

/** The component inside a HydrationGate: for the loader of a page deferred with next/dynamic. */
export function gated<P extends object>(Component: ComponentType<P>): ComponentType<P> {
  function Gated(props: P) {
    return (
      <HydrationGate>
        <Component {...props} />
      </HydrationGate>
    );
  }
  Gated.displayName = `Gated(${Component.displayName ?? Component.name})`;
  return Gated;
}
