"use client";
import { useEffect } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../trpc/react";
import { OFFLINE_CONTACTS_KEY, type ContactList, type StoredContactList } from "./labels";

const REFRESH_MS = 10 * 60_000;

function store(list: ContactList): void {
  const stored: StoredContactList = {
    fetchedAt: new Date().toISOString(),
    list: {
      regionName: list.regionName,
      version: list.version,
      validFrom: list.validFrom ? new Date(list.validFrom).toISOString() : null,
      entries: list.entries.map((e) => ({
        id: e.id,
        organisationId: e.organisationId,
        organisationName: e.organisationName,
        unitId: e.unitId,
        unitName: e.unitName,
        function: e.function,
        phones: e.phones,
        openingHours: e.openingHours,
        functionMailbox: e.functionMailbox,
        postalAddress: e.postalAddress,
        note: e.note,
      })),
    },
  };
  try {
    window.localStorage.setItem(OFFLINE_CONTACTS_KEY, JSON.stringify(stored));
  } catch {
    // A full or disabled storage only loses the offline copy.
  }
}

/** Asks the service worker to fetch the backup kit again (it needs the login cookie, which it has now). */
function refreshKit(): void {
  navigator.serviceWorker?.controller?.postMessage({ type: "vk-uppdatera-reservparm" });
}

/**
 * For the offline page (the service worker at /sw.js serves it when the server cannot be reached at all): keeps
 * the region's contact list, which needs a login, in localStorage under a fixed key, refreshed
 * every ten minutes and whenever it changes; registers the service worker, which caches the
 * offline page and the backup kit PDF. Neither holds patient data.
 */
export function OfflineSupport() {
  const trpc = useTRPC();
  const list = useQuery(trpc.contacts.list.queryOptions(undefined, { refetchInterval: REFRESH_MS, staleTime: REFRESH_MS, retry: false }));

  useEffect(() => {
    if (list.data) {
      store(list.data);
      refreshKit();
    }
  }, [list.data, list.dataUpdatedAt]);

  useEffect(() => {
    // In development the chunks change on every edit: a caching worker would only get in the way.
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => undefined);
  }, []);
  return null;
}
