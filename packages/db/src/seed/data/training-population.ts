import { REGIONS } from "./index";
import type { PatientSeed } from "./types";

/**
 * The training population ("övningsregistret"): at least 2 000 fictitious persons in the demo
 * population register, spread over every kommun of the three regions, so that a trainer can run a
 * course in which each participant admits patients of their own.
 *
 * Identifiers are reserve numbers only, never personnummer: a generated valid personnummer may
 * belong to a real person. The form is "OVN" + the kommun's short code + a serial number, letters and
 * digits as the reservnummer pattern requires, so it can never pass as a personnummer. Names are
 * built from common Swedish first and family names; addresses are fictitious streets in the
 * kommun's main town.
 */

export const TRAINING_PREFIX = "OVN";
export const TRAINING_POPULATION_SIZE = 2_100;

const GIVEN = [
  "Anna",
  "Erik",
  "Maria",
  "Lars",
  "Karin",
  "Johan",
  "Kerstin",
  "Per",
  "Eva",
  "Mikael",
  "Birgitta",
  "Anders",
  "Ingrid",
  "Nils",
  "Margareta",
  "Sven",
  "Elisabeth",
  "Gustav",
  "Britt",
  "Olof",
  "Marianne",
  "Bengt",
  "Gunilla",
  "Arne",
  "Ulla",
  "Rolf",
  "Solveig",
  "Göran",
  "Inger",
  "Lennart",
  "Astrid",
  "Stig",
  "Signe",
  "Bo",
  "Elsa",
  "Leif",
  "Märta",
  "Åke",
  "Gun",
  "Tore",
  "Lilly",
  "Hassan",
  "Fatima",
  "Ali",
  "Amina",
  "Mohammed",
  "Leila",
  "Jonas",
  "Sara",
];
const FAMILY = [
  "Andersson",
  "Johansson",
  "Karlsson",
  "Nilsson",
  "Eriksson",
  "Larsson",
  "Olsson",
  "Persson",
  "Svensson",
  "Gustafsson",
  "Pettersson",
  "Jonsson",
  "Jansson",
  "Hansson",
  "Bengtsson",
  "Jönsson",
  "Lindberg",
  "Jakobsson",
  "Magnusson",
  "Olofsson",
  "Lindström",
  "Lindqvist",
  "Lindgren",
  "Berg",
  "Axelsson",
  "Bergström",
  "Lundberg",
  "Lind",
  "Lundgren",
  "Lundqvist",
  "Mattsson",
  "Berglund",
  "Fredriksson",
  "Sandberg",
  "Henriksson",
  "Forsberg",
  "Sjöberg",
  "Wallin",
  "Engström",
  "Eklund",
  "Danielsson",
  "Lundin",
  "Håkansson",
  "Björk",
  "Bergman",
  "Gunnarsson",
  "Holm",
  "Wikström",
  "Samuelsson",
  "Isaksson",
  "Fransson",
  "Bergqvist",
  "Nyström",
  "Holmberg",
  "Arvidsson",
];
const STREETS = ["Storgatan", "Kyrkogatan", "Skolgatan", "Björkvägen", "Granvägen", "Tallvägen", "Ängsvägen", "Parkgatan", "Sjövägen", "Backvägen"];

interface TrainingKommun {
  shortCode: string;
  municipalityCode: string;
  city: string;
  postalCode: string | null;
  /** Vårdcentraler of the region serving this kommun (the listing). */
  vardcentraler: string[];
}

function trainingKommuner(): TrainingKommun[] {
  return REGIONS.flatMap((region) =>
    region.kommuner.map((k) => {
      const withAddress =
        [...k.units, ...region.units].find((u) => u.municipalityCode === k.organisation.municipalityCode && u.city) ?? k.units.find((u) => u.city);
      return {
        shortCode: k.organisation.shortCode ?? k.organisation.municipalityCode,
        municipalityCode: k.organisation.municipalityCode,
        city: withAddress?.city ?? k.place,
        postalCode: withAddress?.postalCode ?? null,
        vardcentraler: region.units.filter((u) => u.kind === "vardcentral" && u.municipalityCode === k.organisation.municipalityCode).map((u) => u.hsaId),
      };
    }),
  );
}

/** The whole training population, the same on every run (the seed is idempotent). */
export function trainingPopulation(size = TRAINING_POPULATION_SIZE): PatientSeed[] {
  const kommuner = trainingKommuner();
  const out: PatientSeed[] = [];
  for (let i = 0; i < size; i += 1) {
    const k = kommuner[i % kommuner.length]!;
    const perKommun = Math.floor(i / kommuner.length);
    // Every fiftieth person has skyddade personuppgifter: no address stored, as in the register.
    const protectedIdentity = i % 50 === 49;
    out.push({
      identifier: `${TRAINING_PREFIX}${k.shortCode}${String(perKommun + 1).padStart(4, "0")}`,
      givenName: GIVEN[i % GIVEN.length]!,
      familyName: FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length]!,
      protectedIdentity,
      ...(protectedIdentity
        ? {}
        : { streetAddress: `${STREETS[i % STREETS.length]} ${(i % 97) + 1}`, ...(k.postalCode ? { postalCode: k.postalCode } : {}), city: k.city }),
      municipalityCode: k.municipalityCode,
      ...(k.vardcentraler.length > 0 && i % 7 !== 0 ? { listedUnitHsaId: k.vardcentraler[i % k.vardcentraler.length]! } : {}),
    });
  }
  return out;
}
