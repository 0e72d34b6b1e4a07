"use client";
import { useEffect, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "./react";

/**
 * Keeps the page live: listens to the portal's event stream and refetches what is on screen when
 * a case of the unit changes (a message sent in another portal appears without reload), and the
 * outage queries when an outage of the region is declared, changed or ended (the banner follows
 * within a round trip). Announces case arrivals politely to screen readers; the outage banner
 * announces itself.
 */
export function LiveUpdates() {
  const queryClient = useQueryClient();
  const trpc = useTRPC();
  const [announcement, setAnnouncement] = useState("");
  useEffect(() => {
    const source = new EventSource("/api/events");
    let opened = false;
    const refreshOutage = () => {
      void queryClient.invalidateQueries(trpc.outage.pathFilter());
      void queryClient.invalidateQueries(trpc.contacts.pathFilter());
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
  }, [queryClient, trpc]);
  return (
    <p className="sr-only" aria-live="polite" data-testid="live-announcer">
      {announcement}
    </p>
  );
}
