/**
 * The closed vocabularies of the structured forms: the planning basis (ADL, risks, medication
 * handling, aids, housing), the answer to an admission notice (current services) and the SIP
 * call's answers. One `as const` list each with one Swedish label table; the labels for staff and
 * the plain words the patient's summary uses stand side by side.
 *
 * What a planning basis holds follows what Swedish routines ask of it: needs, ADL status, home
 * situation and aids (kartläggning / ADL-status), risk assessments with dates (the kommun's
 * "Meddelande till vård och omsorg": riskbedömningar), and who handles the medication and what
 * goes home with the patient (Region Sörmland, Reservrutin Link: "Säkerställa läkemedel",
 * "Säkerställa hjälpmedel").
 */

/** Personal (P-ADL) and instrumental (I-ADL) activities of daily living, as ADL assessments list them. */
export const ADL_AREAS = [
  "forflyttning",
  "personlig_hygien",
  "pa_och_avkladning",
  "toalettbesok",
  "att_ata",
  "matlagning",
  "stadning_och_tvatt",
  "inkop",
  "kommunikation",
] as const;
export type AdlArea = (typeof ADL_AREAS)[number];

export const ADL_AREA_LABELS: Record<AdlArea, string> = {
  forflyttning: "Förflyttning och gång",
  personlig_hygien: "Personlig hygien",
  pa_och_avkladning: "På- och avklädning",
  toalettbesok: "Toalettbesök",
  att_ata: "Att äta och dricka",
  matlagning: "Matlagning",
  stadning_och_tvatt: "Städning och tvätt",
  inkop: "Inköp",
  kommunikation: "Kommunikation",
};

export const ADL_LEVELS = ["klarar_sjalv", "delvis_hjalp", "helt_beroende"] as const;
export type AdlLevel = (typeof ADL_LEVELS)[number];

export const ADL_LEVEL_LABELS: Record<AdlLevel, string> = {
  klarar_sjalv: "Klarar själv",
  delvis_hjalp: "Behöver visst stöd",
  helt_beroende: "Behöver full hjälp",
};

/** The risk assessments the kommun and the ward share (the areas of the national quality register Senior alert). */
export const RISK_KINDS = ["fall", "trycksar", "undernaring", "munhalsa", "blasdysfunktion", "forvirring"] as const;
export type RiskKind = (typeof RISK_KINDS)[number];

export const RISK_KIND_LABELS: Record<RiskKind, string> = {
  fall: "Risk för fall",
  trycksar: "Risk för trycksår",
  undernaring: "Risk för undernäring",
  munhalsa: "Risk för ohälsa i munnen",
  blasdysfunktion: "Risk för blåsdysfunktion",
  forvirring: "Risk för förvirring",
};

/** Who handles the patient's medicines after discharge. */
export const MEDICATION_HANDLERS = ["patienten", "narstaende", "hemsjukvard", "hemtjanst", "sarskilt_boende"] as const;
export type MedicationHandler = (typeof MEDICATION_HANDLERS)[number];

export const MEDICATION_HANDLER_LABELS: Record<MedicationHandler, string> = {
  patienten: "Patienten sköter själv",
  narstaende: "Närstående hjälper",
  hemsjukvard: "Kommunens hemsjukvård",
  hemtjanst: "Hemtjänsten, på delegering",
  sarskilt_boende: "Personalen på det särskilda boendet",
};

/** The same, told to the patient ("du"). */
export const MEDICATION_HANDLER_PATIENT_WORDS: Record<MedicationHandler, string> = {
  patienten: "Du sköter dina läkemedel själv.",
  narstaende: "En närstående hjälper dig med dina läkemedel.",
  hemsjukvard: "Sjuksköterskan i kommunens hemsjukvård hjälper dig med dina läkemedel.",
  hemtjanst: "Hemtjänsten hjälper dig att ta dina läkemedel.",
  sarskilt_boende: "Personalen där du bor hjälper dig med dina läkemedel.",
};

export const AID_KINDS = [
  "rollator",
  "rullstol",
  "kapp_eller_krycka",
  "duschstol",
  "toalettforhojning",
  "vardsang",
  "personlyft",
  "trycksarsmadrass",
  "griptang",
] as const;
export type AidKind = (typeof AID_KINDS)[number];

export const AID_KIND_LABELS: Record<AidKind, string> = {
  rollator: "Rollator",
  rullstol: "Rullstol",
  kapp_eller_krycka: "Käpp eller krycka",
  duschstol: "Duschstol eller duschpall",
  toalettforhojning: "Toalettförhöjning",
  vardsang: "Vårdsäng",
  personlyft: "Personlyft",
  trycksarsmadrass: "Madrass mot trycksår",
  griptang: "Griptång",
};

export const HOUSING_KINDS = ["ordinart_boende", "sarskilt_boende", "korttidsboende", "annat"] as const;
export type HousingKind = (typeof HOUSING_KINDS)[number];

export const HOUSING_KIND_LABELS: Record<HousingKind, string> = {
  ordinart_boende: "Eget boende",
  sarskilt_boende: "Särskilt boende",
  korttidsboende: "Korttidsboende",
  annat: "Annat boende",
};

/** Aktuella insatser: what the kommun or the vårdcentral already gives the patient. */
export const CURRENT_SERVICE_KINDS = [
  "hemtjanst",
  "hemsjukvard",
  "sarskilt_boende",
  "korttidsboende",
  "trygghetslarm",
  "matdistribution",
  "dagverksamhet",
  "boendestod",
  "hemrehabilitering",
] as const;
export type CurrentServiceKind = (typeof CURRENT_SERVICE_KINDS)[number];

export const CURRENT_SERVICE_LABELS: Record<CurrentServiceKind, string> = {
  hemtjanst: "Hemtjänst",
  hemsjukvard: "Hemsjukvård",
  sarskilt_boende: "Särskilt boende",
  korttidsboende: "Korttidsboende",
  trygghetslarm: "Trygghetslarm",
  matdistribution: "Matdistribution",
  dagverksamhet: "Dagverksamhet",
  boendestod: "Boendestöd",
  hemrehabilitering: "Hemrehabilitering",
};

/** A party's answer to a SIP call. */
export const SIP_ANSWERS = ["accepted", "declined"] as const;
export type SipAnswer = (typeof SIP_ANSWERS)[number];

export const SIP_ANSWER_LABELS: Record<SipAnswer, string> = {
  accepted: "Kommer",
  declined: "Kommer inte",
};

/** A ready-for-discharge decision naming someone from the list who is not a physician at the sender's unit. */
export const PHYSICIAN_REFUSAL = "Den valda läkaren finns inte bland läkarna på din enhet. Välj en läkare i listan eller skriv namnet under Annan läkare.";

/** Is this person a physician, from the title their HSA catalogue gives (e.g. "Läkare", "Överläkare", "ST-läkare")? */
export function isPhysicianTitle(title: string | null | undefined): boolean {
  return !!title && /läkare/i.test(title);
}
