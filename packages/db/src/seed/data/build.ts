import type { KommunSeed, UnitSeed } from "./types";

/**
 * Helpers for writing the region data compactly. Still pure data: no IO.
 *
 * Fictitious phone numbers: a subscriber part that starts with 0 ("016-000 12 34"). The
 * Swedish numbering plan never assigns such numbers (0 is the trunk prefix), so they cannot
 * reach a real person, and they are easy to tell from the public numbers taken from the
 * seeds (e.g. "016-10 30 00").
 */
export function fakePhone(areaCode: string, group: number, seq: number): string {
  return `${areaCode}-000 ${String(group).padStart(2, "0")} ${String(seq).padStart(2, "0")}`;
}

/** Fictitious function mailbox on the reserved example.se domain. */
export function mailbox(localPart: string): string {
  return `${localPart}@example.se`;
}

/** ASCII slug for mailbox names: "Örnsköldsvik" → "ornskoldsvik". */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export interface KommunSpec {
  /** Official name, e.g. "Eskilstuna kommun". */
  name: string;
  /** Place name for unit names, e.g. "Eskilstuna". */
  place: string;
  /** Postal town of the kommun's offices when it differs from `place` (e.g. Berg → Svenstavik). */
  city?: string;
  /** 10 digits (212000NNNN). */
  orgNo: string;
  /** Kommunkod (SCB), 4 digits. */
  municipalityCode: string;
  shortCode: string;
  regionHsaId: string;
  areaCode: string;
  /** Distinguishes the fictitious numbers of kommuner that share an area code. */
  phoneGroup: number;
  postalCode: string;
  /** A public switchboard number (Avbrottsrutin Lifecare SP); otherwise a fictitious one is made up. */
  switchboard?: string;
  /** Names of the hemtjänstgrupper, e.g. ["Fröslunda", "Torshälla"]. */
  hemtjanst: string[];
}

/**
 * A kommun with the units Vårdkedjan needs: one biståndsenhet (myndighetsutövning, SoL), one
 * hemsjukvård (HSL) and one or more hemtjänstgrupper. HSA-ids: `SE<orgnr>-BIST`, `-HSV`, `-HTJ<n>`.
 */
export function kommun(spec: KommunSpec): KommunSeed {
  const prefix = `SE${spec.orgNo}`;
  const switchboard = spec.switchboard ?? fakePhone(spec.areaCode, spec.phoneGroup, 0);
  const place = slug(spec.place);
  const common = {
    switchboard,
    streetAddress: "Kommunhuset",
    city: spec.city ?? spec.place,
    postalCode: spec.postalCode,
  } satisfies Partial<UnitSeed>;
  const units: UnitSeed[] = [
    {
      hsaId: `${prefix}-BIST`,
      kind: "bistandsenhet",
      name: `Biståndsenheten ${spec.place}`,
      phone: fakePhone(spec.areaCode, spec.phoneGroup, 10),
      openingHours: "vardagar 08.00–16.30",
      functionMailbox: mailbox(`bistand.${place}`),
      ...common,
    },
    {
      hsaId: `${prefix}-HSV`,
      kind: "hemsjukvard",
      name: `Hemsjukvården ${spec.place}`,
      phone: fakePhone(spec.areaCode, spec.phoneGroup, 20),
      openingHours: "dygnet runt",
      functionMailbox: mailbox(`hemsjukvard.${place}`),
      ...common,
    },
    ...spec.hemtjanst.map((group, i): UnitSeed => ({
      hsaId: `${prefix}-HTJ${i + 1}`,
      kind: "hemtjanstgrupp",
      name: `Hemtjänst ${group}`,
      phone: fakePhone(spec.areaCode, spec.phoneGroup, 31 + i),
      openingHours: "dygnet runt",
      functionMailbox: mailbox(`hemtjanst.${slug(group)}`),
      ...common,
    })),
  ];
  return {
    organisation: {
      hsaId: `${prefix}-VG`,
      kind: "kommun",
      name: spec.name,
      orgNo: spec.orgNo,
      municipalityCode: spec.municipalityCode,
      shortCode: spec.shortCode,
      regionHsaId: spec.regionHsaId,
    },
    place: spec.place,
    switchboard,
    units,
  };
}

export interface WardSpec {
  code: string;
  name: string;
  careType?: "somatisk" | "psykiatrisk";
  seq: number;
}

/** Wards (vårdavdelningar) of one hospital; HSA-id `<hospitalHsaId><code>`, e.g. SE2321000032-MSEAVD12. */
export function wards(
  hospital: { hsaId: string; name: string; switchboard: string; city: string; postalCode: string; mailboxSlug: string },
  areaCode: string,
  phoneGroup: number,
  specs: WardSpec[],
): UnitSeed[] {
  return specs.map((w) => ({
    hsaId: `${hospital.hsaId}${w.code}`,
    kind: "vardavdelning",
    name: w.name,
    parentHsaId: hospital.hsaId,
    careType: w.careType ?? "somatisk",
    phone: fakePhone(areaCode, phoneGroup, w.seq),
    switchboard: hospital.switchboard,
    openingHours: "dygnet runt",
    functionMailbox: mailbox(`${slug(w.name.replace(/^Avd\s+(\d+).*/, "avd$1"))}.${hospital.mailboxSlug}`),
    // Postal form used by large institutions: the hospital's name instead of a street.
    streetAddress: hospital.name,
    city: hospital.city,
    postalCode: hospital.postalCode,
  }));
}
