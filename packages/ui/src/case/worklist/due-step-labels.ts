import type { DueStepCode } from "@vardkedjan/domain/case/due";

/** The worklist shows the next step by its code; the case view has the full Swedish sentence. */
export const DUE_STEP_LABELS: Record<DueStepCode, string> = {
  dokumentera_samtycke: "Dokumentera samtycke",
  skicka_inskrivningsmeddelande: "Skicka inskrivningsmeddelande",
  uppdatera_beraknat_datum: "Uppdatera beräknat utskrivningsdatum",
  hantera_avvisning: "Hantera avvisning",
  ny_utskrivningsklar: "Ny underrättelse om utskrivningsklar",
  bestam_utskrivningsdatum: "Bestäm utskrivningsdatum",
  skicka_utskrivningsmeddelande: "Skicka utskrivningsmeddelande",
  avsluta_arende: "Avsluta ärendet",
  kvittera: "Kvittera meddelanden",
  svara_pa_inskrivning: "Svara på inskrivningsmeddelandet",
  utse_fast_vardkontakt: "Utse fast vårdkontakt",
  meddela_beslut: "Meddela beslut om insatser",
  bekrafta_egenvard: "Bekräfta insatser efter egenvårdsbedömning",
  meddela_kommunklar: "Meddela kommunklar",
  meddela_redo: "Meddela redo att ta emot",
  kalla_till_sip: "Kalla till SIP",
};

export function dueStepLabel(code: string | null): string {
  if (!code) return "Inget att göra just nu";
  return (DUE_STEP_LABELS as Record<string, string>)[code] ?? code;
}
