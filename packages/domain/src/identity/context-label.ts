import type { OrgTree } from "./org-tree";
import type { OrgNodeKind, Portal, Role, RoleContext } from "./types";

/** Swedish role names as users see them in the context chooser and the header. */
export const ROLE_LABELS: Record<Role, string> = {
  avd_ssk: "Sjuksköterska",
  lakare: "Läkare",
  terapeut: "Fysioterapeut/arbetsterapeut",
  utskrivningsledare: "Utskrivningsledare",
  vc_personal: "Vårdcentral",
  psykiatri_oppenvard: "Psykiatrisk öppenvård",
  bistandshandlaggare: "Biståndshandläggare",
  kommun_ssk: "Kommunsjuksköterska",
  hemtjanst: "Hemtjänst",
  mas: "MAS",
  sysadmin: "Systemförvaltare",
  kommunadmin: "Kommunadministratör",
  region_ekonom: "Ekonomi, region",
  kommun_ekonom: "Ekonomi, kommun",
  loggranskare: "Loggranskare",
};

export const PORTAL_LABELS: Record<Portal, string> = {
  slutenvard: "Slutenvård",
  primarvard: "Primärvård",
  kommun: "Kommun",
  forvaltning: "Förvaltning",
};

/** Unit and organisation kinds as administrators read them (singular). */
export const ORG_NODE_KIND_LABELS: Record<OrgNodeKind, string> = {
  region: "region",
  kommun: "kommun",
  privat_vardgivare: "privat vårdgivare",
  sjukhus: "sjukhus",
  vardavdelning: "vårdavdelning",
  vardcentral: "vårdcentral",
  psykiatrisk_oppenvard: "psykiatrisk öppenvård",
  bistandsenhet: "biståndsenhet",
  hemsjukvard: "kommunal hälso- och sjukvård",
  hemtjanstgrupp: "hemtjänstgrupp",
  forvaltning: "förvaltningsenhet",
};

const ROLE_PORTAL: Record<Role, Portal> = {
  avd_ssk: "slutenvard",
  lakare: "slutenvard",
  terapeut: "slutenvard",
  utskrivningsledare: "slutenvard",
  vc_personal: "primarvard",
  psykiatri_oppenvard: "primarvard",
  bistandshandlaggare: "kommun",
  kommun_ssk: "kommun",
  hemtjanst: "kommun",
  mas: "kommun",
  sysadmin: "forvaltning",
  kommunadmin: "forvaltning",
  region_ekonom: "forvaltning",
  kommun_ekonom: "forvaltning",
  loggranskare: "forvaltning",
};

/** The one portal a role works in; rules must grant a role in its own portal (see rule-schema). */
export function portalForRole(role: Role): Portal {
  return ROLE_PORTAL[role];
}

export interface ContextDescription {
  roleLabel: string;
  portalLabel: string;
  unitName: string;
  /** The nearest hospital above the unit, else the organisation; absent when it would repeat the unit. */
  parentName?: string;
  /** "Sjuksköterska · Avd 12 Medicin · Mälarsjukhuset" */
  label: string;
}

/** How a context is shown in the chooser and the header. */
export function describeContext(ctx: Pick<RoleContext, "role" | "portal" | "scopeHsaId">, tree: OrgTree): ContextDescription {
  const roleLabel = ROLE_LABELS[ctx.role];
  const portalLabel = PORTAL_LABELS[ctx.portal];
  if (ctx.scopeHsaId === null) {
    const unitName = "Alla organisationer";
    return { roleLabel, portalLabel, unitName, label: `${roleLabel} · ${unitName}` };
  }
  const unit = tree.get(ctx.scopeHsaId);
  const unitName = unit?.name ?? ctx.scopeHsaId;
  const above = tree.ancestors(ctx.scopeHsaId);
  const parent = above.find((n) => n.kind === "sjukhus") ?? above.at(-1);
  const parentName = parent && parent.name !== unitName ? parent.name : undefined;
  const label = [roleLabel, unitName, parentName].filter((p) => p !== undefined).join(" · ");
  return parentName === undefined ? { roleLabel, portalLabel, unitName, label } : { roleLabel, portalLabel, unitName, parentName, label };
}
