import type { PatientSeed } from "./types";

/**
 * Demo patients. Identifiers are ONLY published test numbers (Skatteverket's
 * test personnummer, HL7 Sweden examples, the national reservnummer example): never generate a
 * valid number, it may belong to a real person. Names and addresses are fictitious.
 * No cases here: the demo coordination cases are made through the services (api seed).
 */

export const TOLVAN_IDENTIFIER = "191212121212";

export const demoPatients: PatientSeed[] = [
  // Region Sörmland
  {
    identifier: TOLVAN_IDENTIFIER,
    givenName: "Tolvan",
    familyName: "Tolvansson",
    streetAddress: "Övningsgatan 12",
    postalCode: "632 20",
    city: "Eskilstuna",
    municipalityCode: "0484",
    listedUnitHsaId: "SE2321000032-VCFROS",
  },
  {
    identifier: "195009072553",
    givenName: "Lennart",
    familyName: "Berglöf",
    streetAddress: "Provvägen 3",
    postalCode: "635 02",
    city: "Eskilstuna",
    municipalityCode: "0484",
    listedUnitHsaId: "SE2321000032-VCSKOG",
  },
  {
    identifier: "196101182803",
    givenName: "Margareta",
    familyName: "Öhman",
    streetAddress: "Exempelgränd 7",
    postalCode: "611 45",
    city: "Nyköping",
    municipalityCode: "0480",
    listedUnitHsaId: "SE2321000032-VCBRAN",
  },
  {
    identifier: "194408139089",
    givenName: "Ingrid",
    familyName: "Wall",
    streetAddress: "Testbacken 4",
    postalCode: "641 36",
    city: "Katrineholm",
    municipalityCode: "0483",
  },
  {
    // Skyddade personuppgifter: no address is stored, shown or sent.
    identifier: "200001252386",
    givenName: "Alva",
    familyName: "Lindberg",
    protectedIdentity: true,
    municipalityCode: "0484",
  },
  // Region Västernorrland
  {
    identifier: "199002222397",
    givenName: "Jonas",
    familyName: "Hedberg",
    streetAddress: "Övningsvägen 21",
    postalCode: "856 53",
    city: "Sundsvall",
    municipalityCode: "2281",
    listedUnitHsaId: "SE2321000206-HCGRAN",
  },
  {
    identifier: "189002029800",
    givenName: "Elsa",
    familyName: "Nordqvist",
    streetAddress: "Provgatan 9",
    postalCode: "856 41",
    city: "Sundsvall",
    municipalityCode: "2281",
    listedUnitHsaId: "SE2321000206-HCSKON",
  },
  {
    identifier: "199006022397",
    givenName: "Viktor",
    familyName: "Sandström",
    streetAddress: "Exempelstigen 2",
    postalCode: "891 33",
    city: "Örnsköldsvik",
    municipalityCode: "2284",
    listedUnitHsaId: "SE2321000206-HCANKA",
  },
  {
    // Samordningsnummer (day + 60): not folkbokförd, so no folkbokföringskommun or address.
    identifier: "196109732393",
    givenName: "Tomasz",
    familyName: "Nowak",
  },
  // Region Jämtland Härjedalen
  {
    identifier: "200302022389",
    givenName: "Linnéa",
    familyName: "Persson",
    streetAddress: "Testgatan 15",
    postalCode: "831 34",
    city: "Östersund",
    municipalityCode: "2380",
    listedUnitHsaId: "SE2321000214-HCZGRA",
  },
  {
    identifier: "190104132386",
    givenName: "Greta",
    familyName: "Holmberg",
    streetAddress: "Övningsbacken 1",
    postalCode: "831 52",
    city: "Östersund",
    municipalityCode: "2380",
    listedUnitHsaId: "SE2321000214-HCLUGN",
  },
  {
    identifier: "189602029812",
    givenName: "Erik",
    familyName: "Jonsson",
    streetAddress: "Provstigen 8",
    postalCode: "835 31",
    city: "Krokom",
    municipalityCode: "2309",
    listedUnitHsaId: "SE2321000214-HCKROK",
  },
  {
    // Nationellt reservnummer (HL7 Sweden example): identity not yet known.
    identifier: "98240301AA06",
    givenName: "Okänd",
    familyName: "Patient",
  },
];
