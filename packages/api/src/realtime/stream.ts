import { personHearsOfMessage } from "@vardkedjan/domain/case/party-visibility";
import type { Actor } from "../actor";
import type { EventHub } from "./hub";
import type { RealtimeEvent } from "./events";

/**
 * The page's outage state as `outage.current` answers it, or null when the page's session is no
 * longer live (logged out, ended by an administrator, expired): then the stream closes.
 */
export type OutageStateOf = () => Promise<readonly unknown[] | null>;

/**
 * A server-sent event stream for one open page: the case changes the actor's units may hear of
 * (the event's units, chosen with the case view's rules; see events.ts) and outages of the region.
 * A case event carries ids and kinds only; the page refetches through the API, where access is
 * checked and audited. An outage event carries the page's outage state itself (what
 * `outage.current` would answer the page: no patient data), so a thousand open pages switch to
 * outage mode without a thousand requests through the portal at the moment it is busiest; the
 * session is checked before it is sent, as a refetch would check it.
 */
export function eventStream(
  hub: EventHub,
  actor: Actor,
  scopeUnitIds: string[],
  regionId: string | null,
  signal: AbortSignal,
  outageState?: OutageStateOf,
): ReadableStream<Uint8Array> {
  const scope = new Set(scopeUnitIds);
  const encoder = new TextEncoder();
  let cleanup = () => undefined as void;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (event: string, data: unknown) => {
        try {
          controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
        } catch {
          cleanup();
        }
      };
      // A message event also passes the person-level rule of the case view (hemtjänst).
      const hearsOf = (e: Extract<RealtimeEvent, { type: "case.changed" }>) =>
        !e.messageId ||
        !e.senderUnitId ||
        personHearsOfMessage(actor.context.role, scope, { kind: e.kind ?? "", senderUnitId: e.senderUnitId, recipientUnitIds: e.recipientUnitIds ?? [] });
      const relevant = (e: RealtimeEvent) => {
        if (e.type === "case.changed" && e.unitIds.some((u) => scope.has(u)) && hearsOf(e)) send("case", { caseId: e.caseId, kind: e.kind ?? null });
        else if (e.type === "outage.changed" && regionId && e.regionId === regionId) void sendOutage(e.outageId);
      };
      const sendOutage = async (outageId: string) => {
        if (!outageState) return send("outage", { outageId });
        let current: readonly unknown[] | null;
        try {
          current = await outageState();
        } catch {
          // The page still hears of the change and asks for the state itself.
          return send("outage", { outageId });
        }
        if (current === null) return cleanup();
        send("outage", { outageId, current });
      };
      const unsubscribe = hub.subscribe(relevant);
      // Comments keep proxies from closing an idle stream; the retry tells the browser how soon to reconnect.
      controller.enqueue(encoder.encode("retry: 1000\n: ansluten\n\n"));
      const ping = setInterval(() => {
        try {
          controller.enqueue(encoder.encode(": ping\n\n"));
        } catch {
          cleanup();
        }
      }, 20_000);
      cleanup = () => {
        clearInterval(ping);
        unsubscribe();
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      };
      signal.addEventListener("abort", () => cleanup());
    },
    cancel() {
      cleanup();
    },
  });
}
