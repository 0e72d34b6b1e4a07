import { isValidHsaId, isValidOrgHsaId } from "./hsa-id";
import type { Commission, CommissionRight, Principal, SystemRole } from "./types";

/**
 * Claim normalisation: the Inera IdP and other IdPs release
 * the same HSA attributes under three kinds of name — short OIDC names (`employeeHsaId`),
 * current Sambi SAML URIs (`http://sambi.se/attributes/1/employeeHsaId`) and legacy ones
 * (`urn:sambi:names:attribute:employeeHsaId`) — as a string, an array, or JSON in a string.
 * This turns any of them into one `Principal`. Names are matched case-insensitively. When
 * several forms of one attribute are present, single-valued attributes take the short form
 * first, then the current URI, then the legacy one; multi-valued attributes take the union.
 */

export type ClaimErrorCode = "missing_employee_hsa_id" | "invalid_hsa_id" | "invalid_commission" | "invalid_claim_format";

/** The login cannot be turned into a principal. `message` is Swedish and safe to show. */
export class ClaimError extends Error {
  override readonly name = "ClaimError";
  constructor(
    readonly code: ClaimErrorCode,
    message: string,
    /** The canonical attribute the error is about, for logs. */
    readonly attribute?: string,
  ) {
    super(message);
  }
}

const SAMBI_PREFIXES = ["http://sambi.se/attributes/1/", "https://sambi.se/attributes/1/", "urn:sambi:names:attribute:"] as const;

/** Canonical attribute → accepted names once a Sambi prefix has been removed. */
const PERSON_ALIASES = {
  employeeHsaId: ["employeeHsaId", "hsaIdentity"],
  allEmployeeHsaIds: ["allEmployeeHsaIds", "urn:allEmployeeHsaIds"],
  givenName: ["given_name", "givenName"],
  familyName: ["family_name", "surname", "middleAndSurname", "sn"],
  fullName: ["name", "displayName", "credentialDisplayName"],
  personalIdentityNumber: ["personalIdentityNumber", "credentialPersonalIdentityNumber", "urn:credential:personalIdentityNumber"],
  title: ["title"],
  systemRole: ["systemRole", "hsaSystemRole"],
  paTitleCode: ["paTitleCode", "titleCode"],
  licence: ["healthcareProfessionalLicense", "hsaTitle"],
  loa: ["acr", "levelOfAssurance"],
  authMethod: ["amr", "authnMethod"],
  allCommissions: ["allCommissions", "urn:allCommissions"],
} as const;

/** Commission attributes: inside `allCommissions` entries and as single-commission claims. */
const COMMISSION_ALIASES = {
  hsaId: ["commissionHsaId"],
  name: ["commissionName"],
  purpose: ["commissionPurpose"],
  rights: ["commissionRight", "commissionRights", "hsaCommissionRight"],
  unitHsaId: ["healthCareUnitHsaId"],
  unitName: ["healthCareUnitName"],
  providerHsaId: ["healthCareProviderHsaId"],
  providerName: ["healthCareProviderName"],
  providerOrgNo: ["healthCareProviderOrgNo"],
  commissionStart: ["commissionStartDate"],
  commissionEnd: ["commissionEndDate"],
  unitStart: ["healthCareUnitStartDate"],
  unitEnd: ["healthCareUnitEndDate"],
  feignedCommission: ["feignedCommission"],
  feignedUnit: ["feignedHealthCareUnit"],
  archivedUnit: ["archivedHealthCareUnit"],
} as const;

type Attributes<K extends string> = Map<K, unknown[]>;

/** Group raw claims by canonical attribute, best-ranked name form first. */
function indexClaims<K extends string>(raw: Record<string, unknown>, aliases: Record<K, readonly string[]>): Attributes<K> {
  const lookup = new Map<string, K>();
  for (const [canonical, names] of Object.entries(aliases) as [K, readonly string[]][]) {
    for (const name of names) lookup.set(name.toLowerCase(), canonical);
  }
  const found: { canonical: K; rank: number; value: unknown }[] = [];
  for (const [key, value] of Object.entries(raw)) {
    let local = key;
    let rank = 0;
    for (const [i, prefix] of SAMBI_PREFIXES.entries()) {
      if (key.toLowerCase().startsWith(prefix)) {
        local = key.slice(prefix.length);
        rank = i === 2 ? 2 : 1;
        break;
      }
    }
    const canonical = lookup.get(local.toLowerCase());
    if (canonical !== undefined) found.push({ canonical, rank, value });
  }
  found.sort((a, b) => a.rank - b.rank);
  const out: Attributes<K> = new Map();
  for (const f of found) out.set(f.canonical, [...(out.get(f.canonical) ?? []), f.value]);
  return out;
}

/** Flatten a claim value to non-empty strings: string, array, or a JSON array in a string. */
function toStrings(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap(toStrings);
  if (typeof value === "number" || typeof value === "boolean") return [String(value)];
  if (typeof value !== "string") return [];
  const trimmed = value.trim();
  if (trimmed === "") return [];
  if (trimmed.startsWith("[")) {
    const parsed = tryJson(trimmed);
    if (Array.isArray(parsed)) return toStrings(parsed);
  }
  return [trimmed];
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function many<K extends string>(attrs: Attributes<K>, key: K): string[] {
  return unique((attrs.get(key) ?? []).flatMap(toStrings));
}

function one<K extends string>(attrs: Attributes<K>, key: K): string | undefined {
  return many(attrs, key)[0];
}

function flag<K extends string>(attrs: Attributes<K>, key: K): boolean {
  return many(attrs, key).some((v) => ["true", "1", "ja", "yes"].includes(v.toLowerCase()));
}

/** hsaSystemRole "<systemId>;<role>", split on the FIRST ';' (the role may contain ';'). */
export function parseSystemRole(raw: string): SystemRole {
  const value = raw.trim();
  const i = value.indexOf(";");
  return i < 0 ? { systemId: "", role: value, raw: value } : { systemId: value.slice(0, i), role: value.slice(i + 1), raw: value };
}

/** commissionRight as "<aktivitet>;<informationstyp>;<organisationsomfång>", an object, or JSON. */
export function parseRights(value: unknown): CommissionRight[] {
  const out = new Map<string, CommissionRight>();
  const add = (r: CommissionRight): void => {
    if (r.activity !== "") out.set(rightKey(r), r);
  };
  const visit = (v: unknown): void => {
    if (v === undefined || v === null) return;
    if (Array.isArray(v)) return v.forEach(visit);
    if (typeof v === "string") {
      const t = v.trim();
      if (t.startsWith("{") || t.startsWith("[")) {
        const parsed = tryJson(t);
        if (parsed !== undefined) return visit(parsed);
      }
      const [activity = "", informationClass = "", ...scope] = t.split(";").map((p) => p.trim());
      return add({ activity, informationClass, scope: scope.join(";") });
    }
    if (typeof v === "object") {
      const o = v as Record<string, unknown>;
      const str = (x: unknown): string => (typeof x === "string" ? x.trim() : "");
      add({
        activity: str(o.activity),
        informationClass: str(o.informationClass ?? o.informationType),
        scope: str(o.scope),
      });
    }
  };
  visit(value);
  return [...out.values()];
}

export function rightKey(r: CommissionRight): string {
  return `${r.activity};${r.informationClass};${r.scope}`;
}

/** "20260131" → "2026-01-31"; other forms are kept as given. */
function normaliseDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : value;
}

function earliest(...dates: (string | undefined)[]): string | undefined {
  const present = dates.filter((d): d is string => d !== undefined);
  return present.sort()[0];
}

function latest(...dates: (string | undefined)[]): string | undefined {
  const present = dates.filter((d): d is string => d !== undefined);
  return present.sort().at(-1);
}

function buildCommission(attrs: Attributes<keyof typeof COMMISSION_ALIASES>): Commission {
  const hsaId = one(attrs, "hsaId");
  if (hsaId === undefined) {
    throw new ClaimError("invalid_commission", "Ett medarbetaruppdrag saknar HSA-id (commissionHsaId).", "commissionHsaId");
  }
  if (!isValidHsaId(hsaId)) {
    throw new ClaimError("invalid_hsa_id", `Ogiltigt HSA-id för medarbetaruppdrag: "${hsaId}".`, "commissionHsaId");
  }
  const unitHsaId = one(attrs, "unitHsaId");
  if (unitHsaId === undefined) {
    throw new ClaimError("invalid_commission", `Medarbetaruppdraget ${hsaId} saknar vårdenhet (healthCareUnitHsaId).`, "healthCareUnitHsaId");
  }
  if (!isValidOrgHsaId(unitHsaId)) {
    throw new ClaimError("invalid_hsa_id", `Ogiltigt HSA-id för vårdenhet: "${unitHsaId}".`, "healthCareUnitHsaId");
  }
  // A commission belongs to the provider of its unit; when the IdP leaves it out, the rule
  // engine takes the organisation root of the unit from the org tree.
  const providerHsaId = one(attrs, "providerHsaId") ?? "";
  if (providerHsaId !== "" && !isValidOrgHsaId(providerHsaId)) {
    throw new ClaimError("invalid_hsa_id", `Ogiltigt HSA-id för vårdgivare: "${providerHsaId}".`, "healthCareProviderHsaId");
  }
  const commission: Commission = {
    hsaId,
    name: one(attrs, "name") ?? "",
    purpose: one(attrs, "purpose") ?? "",
    rights: parseRights(attrs.get("rights") ?? []),
    unitHsaId,
    unitName: one(attrs, "unitName") ?? "",
    providerHsaId,
    providerName: one(attrs, "providerName") ?? "",
    providerOrgNo: (one(attrs, "providerOrgNo") ?? "").replace(/-/g, ""),
  };
  const validFrom = latest(normaliseDate(one(attrs, "commissionStart")), normaliseDate(one(attrs, "unitStart")));
  const validTo = earliest(normaliseDate(one(attrs, "commissionEnd")), normaliseDate(one(attrs, "unitEnd")));
  if (validFrom !== undefined) commission.validFrom = validFrom;
  if (validTo !== undefined) commission.validTo = validTo;
  if (flag(attrs, "feignedCommission") || flag(attrs, "feignedUnit")) commission.feigned = true;
  if (flag(attrs, "archivedUnit")) commission.archived = true;
  return commission;
}

/** `allCommissions`: an array of objects, a JSON string of one, or an array of JSON strings. */
function commissionEntries(values: unknown[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (v: unknown): void => {
    if (v === undefined || v === null) return;
    if (Array.isArray(v)) return v.forEach(visit);
    if (typeof v === "string") {
      if (v.trim() === "") return;
      const parsed = tryJson(v.trim());
      if (parsed === undefined || typeof parsed !== "object" || parsed === null) {
        throw new ClaimError("invalid_claim_format", "Attributet allCommissions har ett okänt format (förväntade JSON).", "allCommissions");
      }
      return visit(parsed);
    }
    if (typeof v === "object") {
      out.push(v as Record<string, unknown>);
      return;
    }
    throw new ClaimError("invalid_claim_format", "Attributet allCommissions har ett okänt format.", "allCommissions");
  };
  visit(values);
  return out;
}

function normaliseLoa(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const m = /^(?:loa)?([1-4])$/i.exec(value);
  return m ? `http://id.sambi.se/loa/loa${m[1]}` : value;
}

/**
 * Turn raw IdP claims (OIDC id_token/userinfo or SAML attributes) into a `Principal`.
 * Throws `ClaimError` (Swedish message) when employeeHsaId is missing or any HSA-id is invalid.
 */
export function normaliseClaims(claims: Record<string, unknown>): Principal {
  const person = indexClaims(claims, PERSON_ALIASES);

  const employeeHsaId = one(person, "employeeHsaId");
  if (employeeHsaId === undefined) {
    throw new ClaimError("missing_employee_hsa_id", "Inloggningen saknar ditt HSA-id (employeeHsaId). Kontakta din HSA-administratör.", "employeeHsaId");
  }
  if (!isValidHsaId(employeeHsaId)) {
    throw new ClaimError("invalid_hsa_id", `Ogiltigt HSA-id för användaren: "${employeeHsaId}".`, "employeeHsaId");
  }

  const commissions = new Map<string, Commission>();
  const addCommission = (c: Commission): void => {
    const existing = commissions.get(c.hsaId);
    if (!existing) return void commissions.set(c.hsaId, c);
    const rights = new Map([...existing.rights, ...c.rights].map((r) => [rightKey(r), r]));
    existing.rights = [...rights.values()];
  };
  for (const entry of commissionEntries(person.get("allCommissions") ?? [])) {
    addCommission(buildCommission(indexClaims(entry, COMMISSION_ALIASES)));
  }
  // Single-commission claims (the IdP's own uppdragsval): only when the commission id is there.
  const single = indexClaims(claims, COMMISSION_ALIASES);
  if (one(single, "hsaId") !== undefined) addCommission(buildCommission(single));

  const givenName = one(person, "givenName") ?? "";
  const familyName = one(person, "familyName") ?? "";
  const titles = many(person, "title");
  const principal: Principal = {
    employeeHsaId,
    givenName,
    familyName,
    displayName: `${givenName} ${familyName}`.trim() || one(person, "fullName") || employeeHsaId,
    systemRoles: many(person, "systemRole").map(parseSystemRole),
    paTitleCodes: many(person, "paTitleCode"),
    licences: many(person, "licence"),
    titles,
    commissions: [...commissions.values()],
  };
  const pin = one(person, "personalIdentityNumber")?.replace(/[\s-]/g, "");
  if (pin !== undefined && pin !== "") principal.personalIdentityNumber = pin;
  if (titles[0] !== undefined) principal.title = titles[0];
  const loa = normaliseLoa(one(person, "loa"));
  if (loa !== undefined) principal.loa = loa;
  const authMethod = one(person, "authMethod");
  if (authMethod !== undefined) principal.authMethod = authMethod;
  const allIds = many(person, "allEmployeeHsaIds").filter(isValidHsaId);
  if (allIds.length > 0) principal.allEmployeeHsaIds = unique([employeeHsaId, ...allIds]);
  return principal;
}
