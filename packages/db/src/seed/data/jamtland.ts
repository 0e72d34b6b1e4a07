import { fakePhone, kommun, mailbox, slug, wards } from "./build";
import type { RegionSeed, UnitSeed } from "./types";

/**
 * Region Jämtland Härjedalen and its eight kommuner.
 *
 * Real, public facts: Region Jämtland Härjedalen orgnr 232100-0214 (public; Luhn-valid); Östersunds
 * sjukhus; kommunkoder (SCB); kommun orgnr from public registers (Wikipedia infoboxes): Östersund
 * 212000-2528, Härjedalen 212000-2510. The region's project report on Cosmic Link (2019): its Servicecenter hands out access, and
 * municipal users were let in by the HSA attribute RJH;LINK (see the cast).
 *
 * Derived, not verified: Ragunda 212000-2452, Bräcke -2460, Krokom -2478, Strömsund -2486,
 * Åre -2494, Berg -2502. The county's kommun orgnr follow the kommunkod order between
 * Örnsköldsvik (-2445, the last kommun of Västernorrland) and Härjedalen (-2510) / Östersund
 * (-2528), with a Luhn check digit.
 *
 * Invented: every phone number (no seed gives one for this region, see fakePhone), ward names
 * and numbers, @example.se mailboxes, unit postal codes. Hälsocentral names are believed real.
 */

const REGION = "SE2321000214-VG";
const P = "SE2321000214";
const SWITCHBOARD = fakePhone("063", 90, 0);

const ostersund = {
  hsaId: `${P}-OSD`,
  name: "Östersunds sjukhus",
  switchboard: SWITCHBOARD,
  city: "Östersund",
  postalCode: "831 83",
  mailboxSlug: "ostersundssjukhus",
};

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
  {
    hsaId: ostersund.hsaId,
    kind: "sjukhus",
    name: ostersund.name,
    phone: fakePhone("063", 91, 1),
    switchboard: SWITCHBOARD,
    openingHours: "vardagar 08.00–16.00",
    functionMailbox: mailbox(`utskrivningsledare.${ostersund.mailboxSlug}`),
    streetAddress: ostersund.name,
    postalCode: ostersund.postalCode,
    city: ostersund.city,
  },
  ...wards(ostersund, "063", 91, [
    { code: "AVD12", name: "Avd 12 Medicin", seq: 12 },
    { code: "AVD14", name: "Avd 14 Kirurgi", seq: 14 },
    { code: "AVD31", name: "Avd 31 Geriatrik", seq: 31 },
    { code: "AVD41", name: "Avd 41 Psykiatri", careType: "psykiatrisk", seq: 41 },
  ]),
  halsocentral("HCZGRA", "Hälsocentralen Z-gränd", "Östersund", "831 34", "2380", "063", 1),
  halsocentral("HCLUGN", "Hälsocentralen Lugnvik", "Östersund", "831 52", "2380", "063", 2),
  halsocentral("HCODEN", "Hälsocentralen Odensala", "Östersund", "831 47", "2380", "063", 3),
  halsocentral("HCKROK", "Hälsocentralen Krokom", "Krokom", "835 31", "2309", "0640", 4),
  {
    hsaId: `${P}-PSYOE`,
    kind: "psykiatrisk_oppenvard",
    name: "Psykiatrisk öppenvårdsmottagning Östersund",
    careType: "psykiatrisk",
    phone: fakePhone("063", 96, 1),
    switchboard: SWITCHBOARD,
    openingHours: "vardagar 08.00–16.30",
    functionMailbox: mailbox("psykiatri.oppenvard.ostersund"),
    streetAddress: "Östersunds sjukhus",
    postalCode: "831 83",
    city: "Östersund",
    municipalityCode: "2380",
  },
  {
    hsaId: `${P}-FORV`,
    kind: "forvaltning",
    name: "Servicecenter, systemförvaltning",
    phone: fakePhone("063", 97, 1),
    switchboard: SWITCHBOARD,
    openingHours: "vardagar 08.00–16.00",
    functionMailbox: mailbox("servicecenter.rjh"),
    streetAddress: "Region Jämtland Härjedalen",
    postalCode: "831 31",
    city: "Östersund",
  },
];

const k = { regionHsaId: REGION } as const;

export const jamtland: RegionSeed = {
  key: "jamtland",
  organisation: { hsaId: REGION, kind: "region", name: "Region Jämtland Härjedalen", orgNo: "2321000214", shortCode: "RJH" },
  units,
  kommuner: [
    // Ragunda … Berg: orgnr derived from the county numbering order, not verified (see the header).
    kommun({
      ...k,
      name: "Ragunda kommun",
      place: "Ragunda",
      city: "Hammarstrand",
      orgNo: "2120002452",
      municipalityCode: "2303",
      shortCode: "RAG",
      areaCode: "0696",
      phoneGroup: 10,
      postalCode: "840 70",
      hemtjanst: ["Ragunda"],
    }),
    kommun({
      ...k,
      name: "Bräcke kommun",
      place: "Bräcke",
      orgNo: "2120002460",
      municipalityCode: "2305",
      shortCode: "BRA",
      areaCode: "0693",
      phoneGroup: 11,
      postalCode: "843 80",
      hemtjanst: ["Bräcke"],
    }),
    kommun({
      ...k,
      name: "Krokoms kommun",
      place: "Krokom",
      orgNo: "2120002478",
      municipalityCode: "2309",
      shortCode: "KRO",
      areaCode: "0640",
      phoneGroup: 12,
      postalCode: "835 80",
      hemtjanst: ["Krokom"],
    }),
    kommun({
      ...k,
      name: "Strömsunds kommun",
      place: "Strömsund",
      orgNo: "2120002486",
      municipalityCode: "2313",
      shortCode: "STM",
      areaCode: "0670",
      phoneGroup: 13,
      postalCode: "833 80",
      hemtjanst: ["Strömsund"],
    }),
    kommun({
      ...k,
      name: "Åre kommun",
      place: "Åre",
      city: "Järpen",
      orgNo: "2120002494",
      municipalityCode: "2321",
      shortCode: "ARE",
      areaCode: "0647",
      phoneGroup: 14,
      postalCode: "837 80",
      hemtjanst: ["Järpen"],
    }),
    kommun({
      ...k,
      name: "Bergs kommun",
      place: "Berg",
      city: "Svenstavik",
      orgNo: "2120002502",
      municipalityCode: "2326",
      shortCode: "BER",
      areaCode: "0687",
      phoneGroup: 15,
      postalCode: "840 40",
      hemtjanst: ["Svenstavik"],
    }),
    kommun({
      ...k,
      name: "Härjedalens kommun",
      place: "Härjedalen",
      city: "Sveg",
      orgNo: "2120002510",
      municipalityCode: "2361",
      shortCode: "HJD",
      areaCode: "0680",
      phoneGroup: 16,
      postalCode: "842 80",
      hemtjanst: ["Sveg"],
    }),
    kommun({
      ...k,
      name: "Östersunds kommun",
      place: "Östersund",
      orgNo: "2120002528",
      municipalityCode: "2380",
      shortCode: "OST",
      areaCode: "063",
      phoneGroup: 17,
      postalCode: "831 82",
      hemtjanst: ["Odenslund", "Frösön"],
    }),
  ],
};
