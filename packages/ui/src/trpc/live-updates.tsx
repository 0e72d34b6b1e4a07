"use client";
import { useEffect, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { applyOutageEvent } from "../outage/outage-event-queries";

/**
 * Keeps the page live: listens to the portal's event stream and refetches what is on screen when
 * a case of the unit changes (a message sent in another portal appears without reload), and only
 * the outage state when an outage of the region is declared, changed or ended (the banner follows
 * at once: the event carries it; see outage-event-queries.ts for why nothing more). Announces case arrivals politely to screen readers; the outage banner
 * announces itself.
 */
export function LiveUpdates() {
  const queryClient = useQueryClient();
  const [announcement, setAnnouncement] = useState("");
  useEffect(() => {
    const source = new EventSource("/api/events");
    let opened = false;
    // The event carries the page's outage state (see outage-event-queries.ts); a reconnect asks for it.
    const refreshOutage = (e?: Event) => {
      let data: { current?: unknown } | undefined;
      try {
        data = e instanceof MessageEvent && typeof e.data === "string" ? (JSON.parse(e.data) as { current?: unknown }) : undefined;
      } catch {
        data = undefined;
      }
      void applyOutageEvent(queryClient, data);
    };
    const onCase = () => {
      void queryClient.invalidateQueries();
      setAnnouncement("Ärenden har uppdaterats.");
    };
    // After a dropped connection (a restart, a network blip) events may have been missed.
    const onOpen = () => {
      if (opened) refreshOutage();
      opened = true;
    };
    source.addEventListener("case", onCase);
    source.addEventListener("outage", refreshOutage);
    source.addEventListener("open", onOpen);
    return () => {
      source.removeEventListener("case", onCase);
      source.removeEventListener("outage", refreshOutage);
      source.removeEventListener("open", onOpen);
      source.close();
    };
  }, [queryClient]);
  return (
    <p className="sr-only" aria-live="polite" data-testid="live-announcer">
      {announcement}
    </p>
  );
}
