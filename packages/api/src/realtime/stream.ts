import { personHearsOfMessage } from "@vardkedjan/domain/case/party-visibility";
import type { Actor } from "../actor";
import type { EventHub } from "./hub";
import type { RealtimeEvent } from "./events";

/**
 * A server-sent event stream for one open page: the case changes the actor's units may hear of
 * (the event's units, chosen with the case view's rules; see events.ts) and outages of the region. Only ids and kinds go out; the page refetches
 * through the API, where access is checked and audited.
 */
export function eventStream(hub: EventHub, actor: Actor, scopeUnitIds: string[], regionId: string | null, signal: AbortSignal): ReadableStream<Uint8Array> {
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
        else if (e.type === "outage.changed" && regionId && e.regionId === regionId) send("outage", { outageId: e.outageId });
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
