import { jamtland } from "./jamtland";
import { sormland } from "./sormland";
import { vasternorrland } from "./vasternorrland";
import type { OrganisationSeed, RegionKey, RegionSeed, UnitSeed } from "./types";

export * from "./types";
export { VASTERNORRLAND_KOMMUN_SWITCHBOARDS } from "./vasternorrland";

/** The three demo regions, in seeding order. */
export const REGIONS: readonly RegionSeed[] = [sormland, vasternorrland, jamtland];

export const regionByKey: Record<RegionKey, RegionSeed> = { sormland, vasternorrland, jamtland };

export interface UnitWithOrganisation {
  unit: UnitSeed;
  organisation: OrganisationSeed;
  region: RegionSeed;
}

const unitIndex = new Map<string, UnitWithOrganisation>();
const organisationIndex = new Map<string, { organisation: OrganisationSeed; region: RegionSeed }>();
for (const region of REGIONS) {
  organisationIndex.set(region.organisation.hsaId, { organisation: region.organisation, region });
  for (const unit of region.units) unitIndex.set(unit.hsaId, { unit, organisation: region.organisation, region });
  for (const k of region.kommuner) {
    organisationIndex.set(k.organisation.hsaId, { organisation: k.organisation, region });
    for (const unit of k.units) unitIndex.set(unit.hsaId, { unit, organisation: k.organisation, region });
  }
}

/** A demo unit with its organisation; throws on an unknown HSA-id (a data bug). */
export function demoUnit(hsaId: string): UnitWithOrganisation {
  const found = unitIndex.get(hsaId);
  if (!found) throw new Error(`Okänd demoenhet: ${hsaId}`);
  return found;
}

/** A demo organisation (region or kommun) by HSA-id; throws when unknown. */
export function demoOrganisation(hsaId: string): { organisation: OrganisationSeed; region: RegionSeed } {
  const found = organisationIndex.get(hsaId);
  if (!found) throw new Error(`Okänd demoorganisation: ${hsaId}`);
  return found;
}

export function allDemoOrganisations(): OrganisationSeed[] {
  return [...organisationIndex.values()].map((o) => o.organisation);
}

export function allDemoUnits(): UnitSeed[] {
  return [...unitIndex.values()].map((u) => u.unit);
}
