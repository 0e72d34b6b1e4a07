/**
 * The claim catalogue of the test IdP: which claim names it may release, in which scope, and how a
 * claim set (a demo identity's or a pasted one) is checked before it is issued.
 * Names follow Inera IdP's attribute specification (its OIDC short names, plus the current
 * `http://sambi.se/attributes/1/…` and legacy `urn:sambi:names:attribute:…` forms, so that the
 * portals' claim normalisation can be tested against every form Inera or a proxy IdP may send).
 */

export const LOA3 = "http://id.sambi.se/loa/loa3";
export const LOA2 = "http://id.sambi.se/loa/loa2";
export const ACR_VALUES = [LOA3, LOA2] as const;
export type Loa = (typeof ACR_VALUES)[number];

/** Authentication method reported in `amr`. */
export const AMR = ["siths"];

const SAMBI_URI = "http://sambi.se/attributes/1/";
const SAMBI_LEGACY = "urn:sambi:names:attribute:";

/** HSA / Inera short OIDC claim names (person, commission and certificate level). */
export const HSA_CLAIMS = [
  // person
  "employeeHsaId",
  "allEmployeeHsaIds",
  "personalIdentityNumber",
  "title",
  "paTitleCode",
  "paTitleName",
  "healthcareProfessionalLicense",
  "healthCareProfessionalLicenceSpeciality",
  "personalPrescriptionCode",
  "groupPrescriptionCode",
  "systemRole",
  "mail",
  "telephoneNumber",
  "mobileTelephoneNumber",
  // commissions (medarbetaruppdrag)
  "allCommissions",
  "commissionHsaId",
  "commissionName",
  "commissionPurpose",
  "commissionRight",
  "commissionRights",
  "healthCareUnitHsaId",
  "healthCareUnitName",
  "healthCareUnitStartDate",
  "healthCareProviderHsaId",
  "healthCareProviderName",
  "healthCareProviderOrgNo",
  "authorizationScope",
  // from the SITHS certificate
  "credentialGivenName",
  "credentialSurname",
  "credentialPersonalIdentityNumber",
  "credentialDisplayName",
  "credentialOrganizationName",
  "credentialCertificatePolicies",
  "x509IssuerName",
  "x509SubjectName",
] as const;

/** SAML-only attribute names that have no short OIDC twin (the OIDC names are standard claims). */
const SAML_ONLY_NAMES = ["givenName", "surname", "middleAndSurname", "titleCode"];

/** Standard OIDC `profile` scope claims (OIDC Core 5.4). */
const STANDARD_PROFILE = [
  "name",
  "family_name",
  "given_name",
  "middle_name",
  "nickname",
  "preferred_username",
  "profile",
  "picture",
  "website",
  "gender",
  "birthdate",
  "zoneinfo",
  "locale",
  "updated_at",
];

/** Every long-form name a claim may arrive under from Inera or a proxy IdP. */
export const HSA_URI_CLAIMS: string[] = [
  ...[...HSA_CLAIMS, ...SAML_ONLY_NAMES].flatMap((name) => [`${SAMBI_URI}${name}`, `${SAMBI_LEGACY}${name}`]),
  "urn:allCommissions",
  "urn:allEmployeeHsaIds",
  "urn:credential:personalIdentityNumber",
];

/** Every claim name a claim set may carry and have released (others are dropped, as Inera does). */
export const RELEASABLE_CLAIMS: string[] = [...STANDARD_PROFILE, "email", "email_verified", ...HSA_CLAIMS, ...HSA_URI_CLAIMS];

/**
 * oidc-provider `claims` configuration. Everything person-related sits in `profile`, so scope
 * `openid profile` releases the whole claim set; a `claims` request parameter releases a subset
 * (as Inera does). acr/amr/auth_time come with `openid`, as Inera documents.
 */
export const CLAIMS_CONFIG: Record<string, null | string[]> = {
  acr: null,
  amr: null,
  sid: null,
  auth_time: null,
  iss: null,
  openid: ["sub", "acr", "amr", "auth_time"],
  profile: [...STANDARD_PROFILE, ...HSA_CLAIMS, ...HSA_URI_CLAIMS],
  email: ["email", "email_verified"],
};

/** Set by the protocol, never taken from a claim set. */
const PROTOCOL_CLAIMS = new Set([
  "sub",
  "iss",
  "aud",
  "exp",
  "iat",
  "nbf",
  "jti",
  "nonce",
  "acr",
  "amr",
  "auth_time",
  "sid",
  "azp",
  "at_hash",
  "c_hash",
  "s_hash",
]);

const EMPLOYEE_HSA_ID_NAMES = ["employeeHsaId", `${SAMBI_URI}employeeHsaId`, `${SAMBI_LEGACY}employeeHsaId`];

export type ClaimSet = Record<string, unknown>;

/** The employee HSA-id of a claim set, in whichever form it was given. */
export function employeeHsaIdOf(claims: ClaimSet): string | undefined {
  for (const name of EMPLOYEE_HSA_ID_NAMES) {
    const value = claims[name];
    if (typeof value === "string" && value.trim() !== "") return value.trim();
  }
  return undefined;
}

/** A claim set without the claims the protocol sets itself (sub, iss, acr, …). */
export function withoutProtocolClaims(claims: ClaimSet): ClaimSet {
  return Object.fromEntries(Object.entries(claims).filter(([name]) => !PROTOCOL_CLAIMS.has(name)));
}

export type ParsedClaimSet = { ok: true; claims: ClaimSet; employeeHsaId: string } | { ok: false; message: string };

/** Parses the "Klistra in claims" text. Messages are user-facing (Swedish). */
export function parsePastedClaims(text: string): ParsedClaimSet {
  if (text.trim() === "") {
    return { ok: false, message: "Klistra in ett claim-set i JSON-format innan du loggar in." };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {
      ok: false,
      message: "Texten är inte giltig JSON. Kontrollera citattecken, kommatecken och klamrar och försök igen.",
    };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return {
      ok: false,
      message: 'Claim-setet måste vara ett JSON-objekt, till exempel {"employeeHsaId": "…"}.',
    };
  }
  const claims = value as ClaimSet;
  const employeeHsaId = employeeHsaIdOf(claims);
  if (!employeeHsaId) {
    return {
      ok: false,
      message: "Claim-setet saknar employeeHsaId (eller http://sambi.se/attributes/1/employeeHsaId). Utan HSA-id kan ingen identitet utfärdas.",
    };
  }
  return { ok: true, claims: withoutProtocolClaims(claims), employeeHsaId };
}

/** Reads the essential acr values from an authorization request's `claims` parameter, if any. */
export function essentialAcrValues(claimsParam: unknown): string[] | undefined {
  if (typeof claimsParam !== "string") return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(claimsParam);
  } catch {
    return undefined;
  }
  const acr = (parsed as { id_token?: { acr?: unknown } } | null)?.id_token?.acr;
  if (typeof acr !== "object" || acr === null) return undefined;
  const { essential, value, values } = acr as { essential?: unknown; value?: unknown; values?: unknown };
  if (essential !== true) return undefined;
  if (Array.isArray(values)) return values.filter((v): v is string => typeof v === "string");
  if (typeof value === "string") return [value];
  return undefined;
}
