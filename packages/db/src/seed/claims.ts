/**
 * Inera-style OIDC claim sets (the HSA attributes Inera IdP releases), built from plain input.
 * Pure: the demo cast, the test IdP and tests that need a login of their own use it.
 */
import { CARE_PURPOSE } from "@vardkedjan/domain/identity/evaluate";
import type { CommissionRight } from "@vardkedjan/domain/identity/types";

/** Read and write on the whole vårdgivare: what a ward nurse's commission usually carries. */
export const DEFAULT_COMMISSION_RIGHTS: readonly CommissionRight[] = [
  { activity: "Läsa", informationClass: "alla", scope: "VG" },
  { activity: "Skriva", informationClass: "alla", scope: "VG" },
];

export interface CommissionClaimInput {
  hsaId: string;
  unit: { hsaId: string; name: string };
  /** The vårdgivare: the organisation that owns the unit. */
  provider: { hsaId: string; name: string; orgNo: string };
  /** Default "Vård och behandling <unit name>". */
  name?: string;
  /** Default "Vård och behandling". */
  purpose?: string;
  rights?: readonly CommissionRight[];
}

export interface HsaClaimsInput {
  employeeHsaId: string;
  givenName: string;
  familyName: string;
  /** HSA `title`, free text, e.g. "Sjuksköterska". */
  title?: string;
  /** Only Skatteverket's published test numbers, or leave it out. */
  personalIdentityNumber?: string;
  /** hsaSystemRole values "<systemId>;<role>", e.g. "VK;BISTAND". */
  systemRoles?: readonly string[];
  paTitleCodes?: readonly string[];
  /** Legitimerad yrkesgrupp in clear text, e.g. "Sjuksköterska", "Läkare". */
  licences?: readonly string[];
  commissions?: readonly CommissionClaimInput[];
}

/**
 * The claims Inera IdP would put in the id_token, with short OIDC names. Multi-valued attributes
 * are always arrays (possibly empty) so that tests see one shape; the claim normaliser also
 * accepts them missing, as strings or under the Sambi URI names.
 */
export function buildHsaClaims(input: HsaClaimsInput): Record<string, unknown> {
  const claims: Record<string, unknown> = {
    employeeHsaId: input.employeeHsaId,
    given_name: input.givenName,
    family_name: input.familyName,
  };
  if (input.title !== undefined) claims.title = input.title;
  if (input.personalIdentityNumber !== undefined) claims.personalIdentityNumber = input.personalIdentityNumber;
  claims.systemRole = [...(input.systemRoles ?? [])];
  claims.paTitleCode = [...(input.paTitleCodes ?? [])];
  claims.healthcareProfessionalLicense = [...(input.licences ?? [])];
  claims.allCommissions = (input.commissions ?? []).map((c) => ({
    commissionHsaId: c.hsaId,
    commissionName: c.name ?? `${CARE_PURPOSE} ${c.unit.name}`,
    commissionPurpose: c.purpose ?? CARE_PURPOSE,
    commissionRights: (c.rights ?? DEFAULT_COMMISSION_RIGHTS).map((r) => ({ ...r })),
    healthCareUnitHsaId: c.unit.hsaId,
    healthCareUnitName: c.unit.name,
    healthCareProviderHsaId: c.provider.hsaId,
    healthCareProviderName: c.provider.name,
    healthCareProviderOrgNo: c.provider.orgNo,
  }));
  return claims;
}
