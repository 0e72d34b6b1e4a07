import type { CareType, CaseStage, CloseReason, ConsentKind, ConsentRepresentativeKind, MessageKind, PartyRole } from "./types";

/** Swedish names of the case's stages, as the worklists and case header show them. */
export const STAGE_LABELS: Record<CaseStage, string> = {
  inskriven: "Inskriven",
  planering: "Planering",
  utskrivningsklar: "Utskrivningsklar",
  utskriven: "Utskriven",
  avslutad: "Avslutad",
};

export function stageLabel(stage: CaseStage): string {
  return STAGE_LABELS[stage];
}

/** Swedish names of the message kinds, as headings of the forms and of the case's message list. */
export const MESSAGE_KIND_LABELS: Record<MessageKind, string> = {
  samtycke: "Samtycke",
  inskrivningsmeddelande: "Inskrivningsmeddelande",
  andrat_utskrivningsdatum: "Ändrat beräknat utskrivningsdatum",
  svar_pa_inskrivning: "Svar på inskrivning",
  avvisning: "Avvisning",
  planeringsunderlag: "Planeringsunderlag",
  meddela_beslut: "Meddela beslut",
  uppdrag_hemsjukvard: "Uppdrag hemsjukvård",
  egenvardsbedomning: "Egenvårdsbedömning",
  kallelse_sip: "Kallelse till SIP",
  sip_plan: "SIP-plan",
  utskrivningsklar: "Utskrivningsklar",
  ej_utskrivningsklar: "Inte längre utskrivningsklar",
  kommunklar: "Kommunklar",
  utskrivningsdatum: "Utskrivningsdatum",
  utskrivningsmeddelande: "Utskrivningsmeddelande",
  generellt: "Generellt meddelande",
  avslut: "Avsluta ärende",
};

/** A party's role in the case, in Swedish ("Vårdcentralen har inte …" uses the definite form). */
export const PARTY_ROLE_LABELS: Record<PartyRole, { indefinite: string; definite: string }> = {
  avdelning: { indefinite: "Vårdavdelning", definite: "avdelningen" },
  kommun: { indefinite: "Kommun", definite: "kommunen" },
  vardcentral: { indefinite: "Vårdcentral", definite: "vårdcentralen" },
  psykiatrisk_oppenvard: { indefinite: "Psykiatrisk öppenvård", definite: "den psykiatriska öppenvården" },
  hemsjukvard: { indefinite: "Kommunal hemsjukvård", definite: "hemsjukvården" },
  hemtjanst: { indefinite: "Hemtjänst", definite: "hemtjänsten" },
};

export const CONSENT_KIND_LABELS: Record<ConsentKind, string> = {
  informationsoverforing_kommun: "Informationsöverföring till kommunen",
  informationsoverforing_vardcentral: "Informationsöverföring till vårdcentralen/öppenvården",
  npo: "Läsning i NPÖ (sammanhållen journalföring)",
  sip: "Samordnad individuell plan (SIP)",
};

/** Who answered for the patient, as a label and in a sentence ("lämnat av god man Anna Ek"). */
export const CONSENT_REPRESENTATIVE_LABELS: Record<ConsentRepresentativeKind, string> = {
  god_man: "God man",
  forvaltare: "Förvaltare",
  narstaende: "Närstående med patientens fullmakt",
};

export const CLOSE_REASON_LABELS: Record<CloseReason, string> = {
  utskriven_klar: "Utskriven, samordningen klar",
  avliden: "Patienten har avlidit",
  overflyttad: "Överflyttad till annan vårdenhet",
  makulerad: "Makulerat (felaktigt upplagt)",
};

/** Vårdform, as the new-case form offers it and the case header shows it. */
export const CARE_TYPE_LABELS: Record<CareType, string> = {
  somatisk: "Somatisk vård",
  psykiatrisk: "Psykiatrisk vård",
};

/** Capitalise the first letter, for role labels that begin a sentence. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
