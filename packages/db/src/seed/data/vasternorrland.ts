import { fakePhone, kommun, mailbox, slug, wards } from "./build";
import type { RegionSeed, UnitSeed } from "./types";

/**
 * Region Västernorrland and its seven kommuner.
 *
 * Real, public facts ("Avbrottsrutin Lifecare SP", an OCR scan: "Ange" = Ånge,
 * "Hiirnésand" = Härnösand, "Solleftea" = Sollefteå, "Timrd" = Timrå …, and public registers):
 * - The region's switchboard 0611-800 00; its IT Servicedesk 0660-890 70 and support.it@rvn.se;
 *   IT-enheten Skeppet at Örnsköldsviks sjukhus (the routine).
 * - The kommuner's switchboards, which are the outage contact path ("en väg in": ask for the
 *   biståndshandläggare): Timrå 060-16 31 00, Ånge 0690-25 01 00, Örnsköldsvik 0660-880 00,
 *   Sundsvall 060-19 10 00, Kramfors 0612-800 00, Härnösand 0611-34 80 00, Sollefteå 0620-68 20 00.
 * - Hälsocentralen Ankaret in Örnsköldsvik (the routine).
 * - Region Västernorrland orgnr 232100-0206 (public; Luhn-valid). Kommunkoder (SCB). Kommun orgnr
 *   from public registers (Wikipedia infoboxes): Sundsvall 212000-2411, Timrå -2395, Ånge -2387,
 *   Kramfors -2429, Örnsköldsvik -2445.
 *
 * Derived, not verified: Härnösand 212000-2403 and Sollefteå 212000-2437 (the county's kommun
 * orgnr follow the kommunkod order: 2260 → -238x … 2284 → -244x, with a Luhn check digit).
 *
 * Invented: ward names and numbers, the utskrivningsledare contact details and hours (the routine
 * gives none), all other phone numbers (fakePhone), @example.se mailboxes, unit postal codes.
 */

export const VASTERNORRLAND_KOMMUN_SWITCHBOARDS = {
  "2262": "060-16 31 00", // Timrå
  "2260": "0690-25 01 00", // Ånge
  "2284": "0660-880 00", // Örnsköldsvik
  "2281": "060-19 10 00", // Sundsvall
  "2282": "0612-800 00", // Kramfors
  "2280": "0611-34 80 00", // Härnösand
  "2283": "0620-68 20 00", // Sollefteå
} as const;

const REGION = "SE2321000206-VG";
const P = "SE2321000206";
const SWITCHBOARD = "0611-800 00";

const sundsvall = {
  hsaId: `${P}-SUS`,
  name: "Sundsvalls sjukhus",
  switchboard: SWITCHBOARD,
  city: "Sundsvall",
  postalCode: "851 86",
  mailboxSlug: "sundsvallssjukhus",
};
const ornskoldsvik = {
  hsaId: `${P}-OSS`,
  name: "Örnsköldsviks sjukhus",
  switchboard: SWITCHBOARD,
  city: "Örnsköldsvik",
  postalCode: "891 89",
  mailboxSlug: "ornskoldsvikssjukhus",
};
const solleftea = {
  hsaId: `${P}-SOS`,
  name: "Sollefteå sjukhus",
  switchboard: SWITCHBOARD,
  city: "Sollefteå",
  postalCode: "881 83",
  mailboxSlug: "sollefteasjukhus",
};

function hospital(h: typeof sundsvall, areaCode: string, group: number): UnitSeed {
  return {
    hsaId: h.hsaId,
    kind: "sjukhus",
    name: h.name,
    phone: fakePhone(areaCode, group, 1),
    switchboard: h.switchboard,
    openingHours: "vardagar 08.00–16.00",
    functionMailbox: mailbox(`utskrivningsledare.${h.mailboxSlug}`),
    streetAddress: h.name,
    postalCode: h.postalCode,
    city: h.city,
  };
}

function halsocentral(code: string, name: string, city: string, postalCode: string, municipalityCode: string, areaCode: string, seq: number): UnitSeed {
  return {
    hsaId: `${P}-${code}`,
    kind: "vardcentral",
    name,
    phone: fakePhone(areaCode, 95, seq),
    switchboard: SWITCHBOARD,
    openingHours: "vardagar 08.00–17.00",
    functionMailbox: mailbox(slug(name).replace(/-/g, ".")),
    streetAddress: name,
    postalCode,
    city,
    municipalityCode,
  };
}

const units: UnitSeed[] = [
  hospital(sundsvall, "060", 91),
  ...wards(sundsvall, "060", 91, [
    { code: "AVD11", name: "Avd 11 Medicin", seq: 11 },
    { code: "AVD14", name: "Avd 14 Kirurgi", seq: 14 },
    { code: "AVD31", name: "Avd 31 Geriatrik", seq: 31 },
    { code: "AVD51", name: "Avd 51 Psykiatri", careType: "psykiatrisk", seq: 51 },
  ]),
  hospital(ornskoldsvik, "0660", 92),
  ...wards(ornskoldsvik, "0660", 92, [
    { code: "AVD2", name: "Avd 2 Medicin", seq: 2 },
    { code: "AVD5", name: "Avd 5 Ortopedi", seq: 5 },
  ]),
  hospital(solleftea, "0620", 93),
  ...wards(solleftea, "0620", 93, [{ code: "AVD3", name: "Avd 3 Medicin", seq: 3 }]),
  halsocentral("HCGRAN", "Hälsocentralen Granloholm", "Sundsvall", "856 53", "2281", "060", 1),
  halsocentral("HCSKON", "Hälsocentralen Skönsberg", "Sundsvall", "856 41", "2281", "060", 2),
  halsocentral("HCANKA", "Hälsocentralen Ankaret", "Örnsköldsvik", "891 33", "2284", "0660", 3),
  {
    hsaId: `${P}-PSYOE`,
    kind: "psykiatrisk_oppenvard",
    name: "Psykiatrisk öppenvårdsmottagning Sundsvall",
    careType: "psykiatrisk",
    phone: fakePhone("060", 96, 1),
    switchboard: SWITCHBOARD,
    openingHours: "vardagar 08.00–16.30",
    functionMailbox: mailbox("psykiatri.oppenvard.sundsvall"),
    streetAddress: "Sundsvalls sjukhus",
    postalCode: "851 86",
    city: "Sundsvall",
    municipalityCode: "2281",
  },
  {
    hsaId: `${P}-FORV`,
    kind: "forvaltning",
    name: "IT-enheten Skeppet, systemförvaltning",
    phone: "0660-890 70",
    switchboard: SWITCHBOARD,
    openingHours: "vardagar 07.30–16.30",
    functionMailbox: "support.it@rvn.se",
    streetAddress: "Örnsköldsviks sjukhus",
    postalCode: "891 89",
    city: "Örnsköldsvik",
  },
];

const k = { regionHsaId: REGION } as const;
const sb = VASTERNORRLAND_KOMMUN_SWITCHBOARDS;

export const vasternorrland: RegionSeed = {
  key: "vasternorrland",
  organisation: { hsaId: REGION, kind: "region", name: "Region Västernorrland", orgNo: "2321000206", shortCode: "RVN" },
  units,
  kommuner: [
    // orgnr derived from the county numbering order, not verified (see the header).
    kommun({
      ...k,
      name: "Härnösands kommun",
      place: "Härnösand",
      orgNo: "2120002403",
      municipalityCode: "2280",
      shortCode: "HSD",
      areaCode: "0611",
      phoneGroup: 10,
      postalCode: "871 80",
      switchboard: sb["2280"],
      hemtjanst: ["Härnösand"],
    }),
    kommun({
      ...k,
      name: "Kramfors kommun",
      place: "Kramfors",
      orgNo: "2120002429",
      municipalityCode: "2282",
      shortCode: "KRA",
      areaCode: "0612",
      phoneGroup: 11,
      postalCode: "872 80",
      switchboard: sb["2282"],
      hemtjanst: ["Kramfors"],
    }),
    // orgnr derived from the county numbering order, not verified (see the header).
    kommun({
      ...k,
      name: "Sollefteå kommun",
      place: "Sollefteå",
      orgNo: "2120002437",
      municipalityCode: "2283",
      shortCode: "SOL",
      areaCode: "0620",
      phoneGroup: 12,
      postalCode: "881 80",
      switchboard: sb["2283"],
      hemtjanst: ["Sollefteå"],
    }),
    kommun({
      ...k,
      name: "Sundsvalls kommun",
      place: "Sundsvall",
      orgNo: "2120002411",
      municipalityCode: "2281",
      shortCode: "SUN",
      areaCode: "060",
      phoneGroup: 13,
      postalCode: "851 85",
      switchboard: sb["2281"],
      hemtjanst: ["Haga", "Skönsberg"],
    }),
    kommun({
      ...k,
      name: "Timrå kommun",
      place: "Timrå",
      orgNo: "2120002395",
      municipalityCode: "2262",
      shortCode: "TIM",
      areaCode: "060",
      phoneGroup: 14,
      postalCode: "861 82",
      switchboard: sb["2262"],
      hemtjanst: ["Timrå"],
    }),
    kommun({
      ...k,
      name: "Ånge kommun",
      place: "Ånge",
      orgNo: "2120002387",
      municipalityCode: "2260",
      shortCode: "ANG",
      areaCode: "0690",
      phoneGroup: 15,
      postalCode: "841 81",
      switchboard: sb["2260"],
      hemtjanst: ["Ånge"],
    }),
    kommun({
      ...k,
      name: "Örnsköldsviks kommun",
      place: "Örnsköldsvik",
      orgNo: "2120002445",
      municipalityCode: "2284",
      shortCode: "OVK",
      areaCode: "0660",
      phoneGroup: 16,
      postalCode: "891 88",
      switchboard: sb["2284"],
      hemtjanst: ["Centrum", "Domsjö"],
    }),
  ],
};
