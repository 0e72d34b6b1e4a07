/** A unit the party pickers offer. */
export interface PickableUnit {
  id: string;
  name: string;
  kind: string;
  organisationName: string;
}

export const UNIT_KIND_LABELS: Record<string, string> = {
  bistandsenhet: "Biståndsenhet",
  vardcentral: "Vårdcentral",
  psykiatrisk_oppenvard: "Psykiatrisk öppenvård",
  hemsjukvard: "Hemsjukvård",
  hemtjanstgrupp: "Hemtjänst",
};

const fold = (s: string) => s.toLocaleLowerCase("sv-SE").normalize("NFC");

/** Every word typed must occur in the unit's name, kind or organisation (in any order, any case). */
export function matchesUnit(unit: PickableUnit, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = fold(`${unit.name} ${UNIT_KIND_LABELS[unit.kind] ?? unit.kind} ${unit.organisationName}`);
  return words.every((w) => hay.includes(w));
}

/** The units grouped by organisation, in the order they come (the API sorts by organisation, then name). */
export function groupUnits<U extends PickableUnit>(units: readonly U[]): { organisationName: string; units: U[] }[] {
  const groups: { organisationName: string; units: U[] }[] = [];
  for (const u of units) {
    const last = groups.find((g) => g.organisationName === u.organisationName);
    if (last) last.units.push(u);
    else groups.push({ organisationName: u.organisationName, units: [u] });
  }
  return groups;
}
