import type { MessageKind, PartyRole } from "@vardkedjan/domain/case/types";
import { MESSAGE_KIND_LABELS } from "@vardkedjan/domain/case/labels";

const KOMMUN_SIDE: readonly PartyRole[] = ["kommun", "hemsjukvard", "hemtjanst"];

/** The text of the button that opens a kind's form, in the sender's words. */
export function actionLabel(kind: MessageKind, role: PartyRole): string {
  switch (kind) {
    case "samtycke":
      return KOMMUN_SIDE.includes(role) ? "Ange befintliga samtycken" : "Dokumentera samtycke";
    case "inskrivningsmeddelande":
      return "Skicka inskrivningsmeddelande";
    case "andrat_utskrivningsdatum":
      return "Ändra beräknat utskrivningsdatum";
    case "avvisning":
      return "Avvisa";
    case "planeringsunderlag":
      return "Uppdatera planeringsunderlag";
    case "egenvardsbedomning":
      return role === "avdelning" ? "Egenvårdsbedömning" : "Bekräfta egenvårdsbedömning";
    case "kallelse_sip":
      return "Kalla till SIP";
    case "kommunklar":
      return KOMMUN_SIDE.includes(role) ? "Kommunklar" : "Redo att ta emot";
    case "utskrivningsmeddelande":
      return "Skicka utskrivningsmeddelande";
    default:
      return MESSAGE_KIND_LABELS[kind];
  }
}
