"use client";
import { useEffect, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";

/**
 * Keeps the page live: listens to the portal's event stream and refetches what is on screen when
 * a case of the unit changes (a message sent in another portal appears without reload). Announces
 * arrivals politely to screen readers.
 */
export function LiveUpdates() {
  const queryClient = useQueryClient();
  const [announcement, setAnnouncement] = useState("");
  useEffect(() => {
    const source = new EventSource("/api/events");
    const onCase = () => {
      void queryClient.invalidateQueries();
      setAnnouncement("Ärenden har uppdaterats.");
    };
    source.addEventListener("case", onCase);
    return () => {
      source.removeEventListener("case", onCase);
      source.close();
    };
  }, [queryClient]);
  return (
    <p className="sr-only" aria-live="polite" data-testid="live-announcer">
      {announcement}
    </p>
  );
}
