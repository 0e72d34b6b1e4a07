/**
 * Identity model: what a SITHS/Inera IdP login says about a person (the principal), the
 * admin-editable rules that map it to role contexts, and the contexts themselves.
 */

export const PORTALS = ["slutenvard", "primarvard", "kommun", "forvaltning"] as const;
/** Portalen: Slutenvård, Primärvård, Kommun, Förvaltning. */
export type Portal = (typeof PORTALS)[number];

export const ROLES = [
  "avd_ssk", // sjuksköterska på vårdavdelning
  "lakare", // läkare
  "terapeut", // fysioterapeut / arbetsterapeut
  "utskrivningsledare", // hela sjukhuset
  "vc_personal", // vårdcentral (fast vårdkontakt m.fl.)
  "psykiatri_oppenvard", // psykiatrisk öppenvård
  "bistandshandlaggare",
  "kommun_ssk", // kommunsjuksköterska (HSL)
  "hemtjanst",
  "mas", // medicinskt ansvarig sjuksköterska
  "sysadmin", // systemförvaltare, region
  "kommunadmin", // delegerad kommunadministratör
  "region_ekonom", // ekonomi i regionen: faktureringsunderlaget för betalningsansvar
  "kommun_ekonom", // ekonomi i kommunen: granskar och bestrider faktureringsunderlaget
  "loggranskare", // granskar åtkomstloggen (PDL) för sin organisations personal
] as const;
export type Role = (typeof ROLES)[number];

export const LOA3 = "http://id.sambi.se/loa/loa3";
export const LOA2 = "http://id.sambi.se/loa/loa2";

export interface CommissionRight {
  activity: string; // Läsa, Skriva, Signera, Utskrift, Vidimera, Radera, Nödöppning
  informationClass: string; // e.g. "alla"
  scope: string; // e.g. "SJF", "VE", "VG"
}

/** Medarbetaruppdrag, normalised. */
export interface Commission {
  hsaId: string;
  name: string;
  purpose: string; // "Vård och behandling", "Administration", …
  rights: CommissionRight[];
  unitHsaId: string;
  unitName: string;
  providerHsaId: string;
  providerName: string;
  providerOrgNo: string;
  validFrom?: string; // ISO date
  validTo?: string; // ISO date
  feigned?: boolean;
  archived?: boolean;
}

/** hsaSystemRole "<systemId>;<role>", split on the first ';'. */
export interface SystemRole {
  systemId: string;
  role: string;
  raw: string;
}

export interface Principal {
  employeeHsaId: string;
  givenName: string;
  familyName: string;
  /** "Förnamn Efternamn" */
  displayName: string;
  personalIdentityNumber?: string;
  /** Free-text title (HSA `title`), e.g. "Sjuksköterska". */
  title?: string;
  systemRoles: SystemRole[];
  paTitleCodes: string[];
  /** Legitimerad yrkesgrupp in clear text, e.g. "Sjuksköterska", "Läkare". */
  licences: string[];
  titles: string[];
  loa?: string;
  authMethod?: string;
  commissions: Commission[];
  /** Every HSA-id the person has (`urn:allEmployeeHsaIds`), when the IdP releases it. */
  allEmployeeHsaIds?: string[];
}

export type AttrPath =
  | "person.employeeHsaId"
  | "person.systemRoles"
  | "person.paTitleCodes"
  | "person.licences"
  | "person.titles"
  | "auth.loa"
  | "auth.method"
  | "commission.hsaId"
  | "commission.name"
  | "commission.purpose"
  | "commission.rights"
  | "commission.unitHsaId"
  | "commission.providerHsaId"
  | "commission.providerOrgNo";

export type Condition =
  | { attr: AttrPath; op: "eq" | "neq"; value: string }
  | { attr: AttrPath; op: "in" | "notIn"; values: string[] }
  | { attr: AttrPath; op: "startsWith"; value: string }
  | { attr: AttrPath; op: "matches"; regex: string }
  | { attr: AttrPath; op: "exists" | "notExists" }
  | { op: "hasSystemRole"; systemId: string; role: string | { regex: string } }
  | { op: "hasRight"; activity: string; informationClass?: string; scope?: string }
  | { op: "unitUnder"; attr: "commission.unitHsaId"; ancestorHsaId: string }
  /** The commission unit is under (or is) any of the given nodes, e.g. any of the region's hospitals. */
  | { op: "unitUnderAny"; attr: "commission.unitHsaId"; ancestorHsaIds: string[] }
  | { op: "unitKind"; attr: "commission.unitHsaId"; kinds: OrgNodeKind[] };

export type GrantScope =
  | { type: "commissionUnit"; includeDescendants: boolean }
  | { type: "commissionProvider" }
  | { type: "org"; orgHsaId: string; includeDescendants: boolean }
  /**
   * The unit HSA-id is the regex's first capture group, matched against the full
   * "<systemId>;<role>" string (or, failing that, the role part alone). One context per match.
   */
  | { type: "systemRoleUnit"; regex: string; includeDescendants?: boolean }
  /** The nearest ancestor-or-self of the commission unit of the given kind, e.g. the hospital of a ward. */
  | { type: "commissionAncestor"; kind: OrgNodeKind; includeDescendants: boolean }
  /** Clamped to the rule's owner organisation (incl. descendants): no rule reaches outside its owner. */
  | { type: "global" };

export interface MappingRule {
  id: string;
  version: number;
  enabled: boolean;
  description: string;
  /** The admin organisation (region or kommun) that owns the rule; grants never reach outside it. */
  ownerOrgHsaId: string;
  /** person = needs no commission (kommun system-role users, admins). */
  level: "commission" | "person";
  priority: number;
  effect: "allow" | "deny";
  when: { all?: Condition[]; any?: Condition[]; none?: Condition[] };
  /** Required for allow. For deny: optional; when set (and no denyPortals), denies only its portal. */
  grant?: { portal: Portal; role: Role; scope: GrantScope };
  /** Deny only: the portals whose grants it denies. Neither this nor grant → every portal. */
  denyPortals?: Portal[];
  requireLoa?: string[];
  validFrom?: string;
  validTo?: string;
}

/** Huvudman: region, kommun or a private care provider (vårdval, LOV); the roots of the tree. */
export const ORGANISATION_KINDS = ["region", "kommun", "privat_vardgivare"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** The unit kinds below an organisation. */
export const UNIT_KINDS = [
  "sjukhus",
  "vardavdelning",
  "vardcentral",
  "psykiatrisk_oppenvard",
  "bistandsenhet", // kommunal biståndsenhet / myndighetsutövning
  "hemsjukvard", // kommunal hälso- och sjukvård
  "hemtjanstgrupp",
  "forvaltning", // administrative unit
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Kinds of node in our mirror of the HSA tree. Organisations are roots. */
export const ORG_NODE_KINDS = [...ORGANISATION_KINDS, ...UNIT_KINDS] as const;
export type OrgNodeKind = (typeof ORG_NODE_KINDS)[number];

export interface OrgNode {
  hsaId: string;
  parentHsaId: string | null;
  kind: OrgNodeKind;
  name: string;
}

/** A candidate (or the active) working context: one portal, one role, one unit scope. */
export interface RoleContext {
  /** Stable id derived from portal, role, scope and provider, so it survives re-evaluation. */
  id: string;
  portal: Portal;
  role: Role;
  /** The root of the scope (a unit or organisation HSA-id); null only for global scope. */
  scopeHsaId: string | null;
  includeDescendants: boolean;
  /** Vårdgivare/omsorgsgivare (provider) HSA-id; contexts at two providers never merge. */
  providerHsaId: string | null;
  commissionHsaIds: string[];
  ruleIds: string[];
  rights: CommissionRight[];
}

/** Why a login or a commission gave no context, in Swedish, for the "Ingen behörighet" page. */
export interface DenialReason {
  code:
    | "no_commission_with_care_purpose"
    | "missing_system_role"
    | "loa_too_low"
    | "denied_by_rule"
    | "outside_owner_org"
    | "outside_employer_org"
    | "role_not_at_unit_kind"
    | "commission_inactive"
    | "no_matching_rule"
    | "unknown_unit";
  message: string;
  commissionHsaId?: string;
  ruleId?: string;
}

export interface EvaluationResult {
  contexts: RoleContext[];
  reasons: DenialReason[];
}
