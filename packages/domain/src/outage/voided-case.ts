import type { CaseEvent } from "../case/types";

/**
 * A case closed as wrongly created ("Makulerat (felaktigt upplagt)") never existed as far as the
 * after-registration goes: nothing is registered in it, and its open items go with it. A
 * provisional case opened by a phone call during an outage is the usual one.
 */
export function isVoidingClosure(event: Pick<CaseEvent, "kind" | "payload">): boolean {
  return event.kind === "avslut" && event.payload.reason === "makulerad";
}

export function isVoidedCase(events: readonly Pick<CaseEvent, "kind" | "payload">[]): boolean {
  return events.some(isVoidingClosure);
}
