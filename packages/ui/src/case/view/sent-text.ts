import { MESSAGE_KIND_LABELS } from "@vardkedjan/domain/case/labels";
import type { SentInfo } from "../forms/message-form";
import { kindInSentence } from "../forms/spec";

/**
 * What the page says after a send, as it happened: a consent is registered (and sent only when it
 * had recipients), a message is sent, a correction is sent.
 */
export function sentText(info: SentInfo): string {
  if (info.correction) return `Skickat: Rättelse av ${kindInSentence(info.kind)}.`;
  if (info.kind === "samtycke") {
    if (info.recipients === 0) return "Samtycke registrerat i ärendet. Det har inte skickats till någon.";
    return `Samtycke registrerat och skickat till ${info.recipients === 1 ? "en mottagare" : `${info.recipients} mottagare`}.`;
  }
  if (info.recipients === 0) return `Registrerat i ärendet: ${MESSAGE_KIND_LABELS[info.kind]}.`;
  return `Skickat: ${MESSAGE_KIND_LABELS[info.kind]}.`;
}
