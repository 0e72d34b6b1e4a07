import type { Portal, Role } from "@vardkedjan/domain/identity/types";
import type { DemoIdentity } from "../cast";
import { buildHsaClaims } from "../claims";
import { demoOrganisation, demoUnit } from "./index";
import type { RegionKey } from "./types";

/** What the example rules (seeded per organisation) are meant to grant. */
export interface IntendedContext {
  portal: Portal;
  role: Role;
  /** Unit or organisation HSA-id at the root of the scope. */
  scopeHsaId: string;
}

/** A demo identity plus the facts tests need without parsing claims. */
export interface DemoCastMember<K extends string = string> extends DemoIdentity {
  key: K;
  employeeHsaId: string;
  givenName: string;
  familyName: string;
  /** The organisation whose HSA catalogue issued the employeeHsaId (its prefix). */
  organisationHsaId: string;
  regionKey: RegionKey;
  commissionUnitHsaIds: string[];
  systemRoles: string[];
  /** The contexts the seeded rules should give at LoA 3 (test oracle; empty = "Ingen behörighet"). */
  intended: IntendedContext[];
}

export interface CastSpec<K extends string> {
  key: K;
  givenName: string;
  familyName: string;
  employeeHsaId: string;
  /** HSA title, e.g. "Sjuksköterska". */
  title: string;
  licences?: string[];
  paTitleCodes?: string[];
  systemRoles?: string[];
  /** Medarbetaruppdrag: commission HSA-id and the unit it belongs to. */
  commissions?: { hsaId: string; unitHsaId: string; purpose?: string }[];
  intended: [Portal, Role, string][];
  /** The line under the name on the IdP page; default "<title>, <first unit or organisation>". */
  label?: string;
}

const ORG_PREFIX = /^(SE\d{10})-/;

/** Build one cast member; throws on HSA-ids that are not in the demo data (a data bug). */
export function person<K extends string>(spec: CastSpec<K>): DemoCastMember<K> {
  const prefix = ORG_PREFIX.exec(spec.employeeHsaId)?.[1];
  if (!prefix) throw new Error(`Ogiltigt employeeHsaId i demodata: ${spec.employeeHsaId}`);
  const { organisation, region } = demoOrganisation(`${prefix}-VG`);
  const commissions = (spec.commissions ?? []).map((c) => {
    const { unit, organisation: provider } = demoUnit(c.unitHsaId);
    return {
      hsaId: c.hsaId,
      unit: { hsaId: unit.hsaId, name: unit.name },
      provider: { hsaId: provider.hsaId, name: provider.name, orgNo: provider.orgNo },
      ...(c.purpose !== undefined ? { purpose: c.purpose } : {}),
    };
  });
  const where = commissions[0]?.unit.name ?? organisation.name;
  return {
    key: spec.key,
    displayName: `${spec.givenName} ${spec.familyName}`,
    title: spec.label ?? `${spec.title}, ${where}`,
    region: region.organisation.name,
    claims: buildHsaClaims({
      employeeHsaId: spec.employeeHsaId,
      givenName: spec.givenName,
      familyName: spec.familyName,
      title: spec.title,
      systemRoles: spec.systemRoles ?? [],
      paTitleCodes: spec.paTitleCodes ?? [],
      licences: spec.licences ?? [],
      commissions,
    }),
    employeeHsaId: spec.employeeHsaId,
    givenName: spec.givenName,
    familyName: spec.familyName,
    organisationHsaId: organisation.hsaId,
    regionKey: region.key,
    commissionUnitHsaIds: commissions.map((c) => c.unit.hsaId),
    systemRoles: spec.systemRoles ?? [],
    intended: spec.intended.map(([portal, role, scopeHsaId]) => ({ portal, role, scopeHsaId })),
  };
}

/** Shorthands for the licences and KV Befattning codes used by the cast. */
export const SSK = { licences: ["Sjuksköterska"] };
/** Läkare, legitimerad (KV Befattning 203090 "läkare legitimerad, annan"). */
export const LAKARE = { licences: ["Läkare"], paTitleCodes: ["203090"] };
export const FYSIOTERAPEUT = { licences: ["Fysioterapeut"] };
export const ARBETSTERAPEUT = { licences: ["Arbetsterapeut"] };
