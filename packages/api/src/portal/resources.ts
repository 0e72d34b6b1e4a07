import { createDb, type DbHandle } from "@vardkedjan/db/client";
import { EventHub } from "../realtime/hub";

/**
 * What a process keeps once per database, whichever portal server asks: one connection pool and
 * one LISTEN connection (the portal server is created once per app, but Next may load its module
 * more than once).
 */
const databases = new Map<string, DbHandle>();
const hubs = new Map<string, EventHub>();

export function dbFor(url: string): DbHandle {
  let h = databases.get(url);
  if (!h) {
    h = createDb(url);
    databases.set(url, h);
  }
  return h;
}

export function hubFor(url: string): EventHub {
  let h = hubs.get(url);
  if (!h) {
    h = new EventHub(url);
    hubs.set(url, h);
  }
  return h;
}
