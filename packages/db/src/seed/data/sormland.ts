import { fakePhone, kommun, mailbox, slug, wards } from "./build";
import type { RegionSeed, UnitSeed } from "./types";

/**
 * Region Sörmland (Södermanlands län) and its nine kommuner.
 *
 * Real, public facts (Region Sörmland, "Reservrutin Link", and public registers):
 * - Region Sörmland orgnr 232100-0032 (public register).
 * - The hospitals Mälarsjukhuset (Eskilstuna), Nyköpings lasarett, Kullbergska sjukhuset (Katrineholm).
 * - Utskrivningsledare: utskrivningsledareMSE@regionsormland.se, 016-10 57 11 (Mälarsjukhuset);
 *   utskrivningsledareNLN@regionsormland.se, 076-496 44 21 (Nyköpings lasarett); Kullbergska uses
 *   either; they answer by phone 07.30–16.15, the routine naming no weekdays.
 * - The region's switchboards 016-10 30 00 and 0155-24 50 00 (all hours), and the förvaltning's
 *   mailbox link.forvaltning@regionsormland.se (the routine).
 * - Kommunkoder (SCB). Kommun orgnr from public registers (Wikipedia infoboxes): Eskilstuna
 *   212000-0357, Flen -0332, Gnesta -2965, Nyköping -2940, Strängnäs -0365, Trosa -2957,
 *   Vingåker -0308.
 *
 * Derived, not verified: Katrineholm 212000-0340 and Oxelösund 212000-0324 (the kommun orgnr
 * follow the kommunkod order within the county — 0428 → -030x, 0482 → -033x, 0484 → -035x,
 * 0486 → -036x — and carry a Luhn check digit).
 *
 * Invented: every ward name and number, the vårdcentral details other than the names, all
 * phone numbers not listed above (see fakePhone), all @example.se mailboxes, the postal codes
 * of units, and the region's HSA-ids (real HSA-ids follow the same syntax: SE + organisation number + "-" + a local part).
 * Vårdcentral names are real public names as far as known; treat them as illustrative.
 */

const REGION = "SE2321000032-VG";
const P = "SE2321000032";
const SWITCHBOARD_ESKILSTUNA = "016-10 30 00";
const SWITCHBOARD_NYKOPING = "0155-24 50 00";
// "Du gör detta via telefon mellan 7.30–16.15" (Reservrutin Link): no weekday limit.
const UTSKRIVNINGSLEDARE_HOURS = "07.30–16.15";

const malarsjukhuset = {
  hsaId: `${P}-MSE`,
  name: "Mälarsjukhuset",
  switchboard: SWITCHBOARD_ESKILSTUNA,
  city: "Eskilstuna",
  postalCode: "631 88",
  mailboxSlug: "malarsjukhuset",
};
const nykoping = {
  hsaId: `${P}-NLN`,
  name: "Nyköpings lasarett",
  switchboard: SWITCHBOARD_NYKOPING,
  city: "Nyköping",
  postalCode: "611 85",
  mailboxSlug: "nykopingslasarett",
};
const kullbergska = {
  hsaId: `${P}-KSK`,
  name: "Kullbergska sjukhuset",
  switchboard: SWITCHBOARD_ESKILSTUNA,
  city: "Katrineholm",
  postalCode: "641 85",
  mailboxSlug: "kullbergska",
};

/** A hospital's own unit carries the utskrivningsledare contact (Reservrutin Link), which is hospital-wide. */
function hospital(h: typeof malarsjukhuset, phone: string, functionMailbox: string): UnitSeed {
  return {
    hsaId: h.hsaId,
    kind: "sjukhus",
    name: h.name,
    phone,
    switchboard: h.switchboard,
    openingHours: UTSKRIVNINGSLEDARE_HOURS,
    functionMailbox,
    streetAddress: h.name,
    postalCode: h.postalCode,
    city: h.city,
  };
}

function vardcentral(
  code: string,
  name: string,
  place: { city: string; postalCode: string; municipalityCode: string; areaCode: string; switchboard: string },
  seq: number,
): UnitSeed {
  const { city, postalCode, municipalityCode, areaCode, switchboard } = place;
  return {
    hsaId: `${P}-${code}`,
    kind: "vardcentral",
    name,
    phone: fakePhone(areaCode, 95, seq),
    switchboard,
    openingHours: "vardagar 08.00–17.00",
    functionMailbox: mailbox(slug(name).replace(/-/g, ".")),
    streetAddress: name,
    postalCode,
    city,
    municipalityCode,
  };
}

const ESKILSTUNA = { city: "Eskilstuna", postalCode: "632 20", municipalityCode: "0484", areaCode: "016", switchboard: SWITCHBOARD_ESKILSTUNA };
const NYKOPING = { city: "Nyköping", postalCode: "611 45", municipalityCode: "0480", areaCode: "0155", switchboard: SWITCHBOARD_NYKOPING };

const units: UnitSeed[] = [
  hospital(malarsjukhuset, "016-10 57 11", "utskrivningsledareMSE@regionsormland.se"),
  ...wards(malarsjukhuset, "016", 91, [
    { code: "AVD12", name: "Avd 12 Medicin", seq: 12 },
    { code: "AVD14", name: "Avd 14 Kirurgi", seq: 14 },
    { code: "AVD31", name: "Avd 31 Geriatrik", seq: 31 },
    { code: "AVD41", name: "Avd 41 Psykiatri", careType: "psykiatrisk", seq: 41 },
  ]),
  hospital(nykoping, "076-496 44 21", "utskrivningsledareNLN@regionsormland.se"),
  ...wards(nykoping, "0155", 92, [
    { code: "AVD21", name: "Avd 21 Medicin", seq: 21 },
    { code: "AVD23", name: "Avd 23 Ortopedi", seq: 23 },
  ]),
  hospital(kullbergska, "016-10 57 11", "utskrivningsledareMSE@regionsormland.se"),
  ...wards(kullbergska, "0150", 93, [
    { code: "AVD3", name: "Avd 3 Medicin", seq: 3 },
    { code: "AVD4", name: "Avd 4 Rehabilitering", seq: 4 },
  ]),
  vardcentral("VCFROS", "Vårdcentralen Fröslunda", ESKILSTUNA, 1),
  vardcentral("VCSKOG", "Vårdcentralen Skogstorp", { ...ESKILSTUNA, postalCode: "635 02" }, 2),
  vardcentral("VCBRAN", "Vårdcentralen Brandholmen", NYKOPING, 3),
  vardcentral("VCOXEL", "Vårdcentralen Oxelösund", { ...NYKOPING, city: "Oxelösund", postalCode: "613 31", municipalityCode: "0481" }, 4),
  vardcentral("VCFLEN", "Vårdcentralen Flen", { ...ESKILSTUNA, city: "Flen", postalCode: "642 37", municipalityCode: "0482", areaCode: "0157" }, 5),
  {
    hsaId: `${P}-PSYOE`,
    kind: "psykiatrisk_oppenvard",
    name: "Psykiatrisk öppenvårdsmottagning Eskilstuna",
    careType: "psykiatrisk",
    phone: fakePhone("016", 96, 1),
    switchboard: SWITCHBOARD_ESKILSTUNA,
    openingHours: "vardagar 08.00–16.30",
    functionMailbox: mailbox("psykiatri.oppenvard.eskilstuna"),
    streetAddress: "Mälarsjukhuset",
    postalCode: "631 88",
    city: "Eskilstuna",
    municipalityCode: "0484",
  },
  {
    hsaId: `${P}-FORV`,
    kind: "forvaltning",
    name: "Förvaltningsprodukt Vårdprocessen",
    phone: fakePhone("016", 97, 1),
    switchboard: SWITCHBOARD_ESKILSTUNA,
    openingHours: "vardagar 08.00–16.00",
    functionMailbox: "link.forvaltning@regionsormland.se",
    streetAddress: "Region Sörmland",
    postalCode: "611 88",
    city: "Nyköping",
  },
];

const k = { regionHsaId: REGION } as const;

export const sormland: RegionSeed = {
  key: "sormland",
  organisation: { hsaId: REGION, kind: "region", name: "Region Sörmland", orgNo: "2321000032", shortCode: "SRM" },
  units,
  kommuner: [
    kommun({
      ...k,
      name: "Eskilstuna kommun",
      place: "Eskilstuna",
      orgNo: "2120000357",
      municipalityCode: "0484",
      shortCode: "ESK",
      areaCode: "016",
      phoneGroup: 10,
      postalCode: "631 86",
      hemtjanst: ["Fröslunda", "Torshälla"],
    }),
    kommun({
      ...k,
      name: "Flens kommun",
      place: "Flen",
      orgNo: "2120000332",
      municipalityCode: "0482",
      shortCode: "FLN",
      areaCode: "0157",
      phoneGroup: 11,
      postalCode: "642 81",
      hemtjanst: ["Flen"],
    }),
    kommun({
      ...k,
      name: "Gnesta kommun",
      place: "Gnesta",
      orgNo: "2120002965",
      municipalityCode: "0461",
      shortCode: "GNE",
      areaCode: "0158",
      phoneGroup: 12,
      postalCode: "646 80",
      hemtjanst: ["Gnesta"],
    }),
    // orgnr derived from the county numbering order, not verified (see the header).
    kommun({
      ...k,
      name: "Katrineholms kommun",
      place: "Katrineholm",
      orgNo: "2120000340",
      municipalityCode: "0483",
      shortCode: "KAT",
      areaCode: "0150",
      phoneGroup: 13,
      postalCode: "641 80",
      hemtjanst: ["Katrineholm"],
    }),
    kommun({
      ...k,
      name: "Nyköpings kommun",
      place: "Nyköping",
      orgNo: "2120002940",
      municipalityCode: "0480",
      shortCode: "NYK",
      areaCode: "0155",
      phoneGroup: 14,
      postalCode: "611 83",
      hemtjanst: ["Nyköping centrum", "Arnö"],
    }),
    // orgnr derived from the county numbering order, not verified (see the header).
    kommun({
      ...k,
      name: "Oxelösunds kommun",
      place: "Oxelösund",
      orgNo: "2120000324",
      municipalityCode: "0481",
      shortCode: "OXE",
      areaCode: "0155",
      phoneGroup: 15,
      postalCode: "613 81",
      hemtjanst: ["Oxelösund"],
    }),
    kommun({
      ...k,
      name: "Strängnäs kommun",
      place: "Strängnäs",
      orgNo: "2120000365",
      municipalityCode: "0486",
      shortCode: "STR",
      areaCode: "0152",
      phoneGroup: 16,
      postalCode: "645 80",
      hemtjanst: ["Strängnäs"],
    }),
    kommun({
      ...k,
      name: "Trosa kommun",
      place: "Trosa",
      orgNo: "2120002957",
      municipalityCode: "0488",
      shortCode: "TRO",
      areaCode: "0156",
      phoneGroup: 17,
      postalCode: "619 80",
      hemtjanst: ["Trosa"],
    }),
    kommun({
      ...k,
      name: "Vingåkers kommun",
      place: "Vingåker",
      orgNo: "2120000308",
      municipalityCode: "0428",
      shortCode: "VIN",
      areaCode: "0151",
      phoneGroup: 18,
      postalCode: "643 80",
      hemtjanst: ["Vingåker"],
    }),
  ],
};
