import { PHONE_STEP_MESSAGE_KIND, type PhoneContactDetails, type PhoneStep } from "../outage/types";
import type { Role } from "../identity/types";
import type { ConsentRecord, PartyRole } from "./types";
import {
  caseVisibility,
  isBasicVisibleKind,
  isFreeTextVisible,
  isHemtjanstViewer,
  isWardViewer,
  NPO_LINKED_KINDS,
  type VisibilityLevel,
  type Viewer,
} from "./visibility";

/**
 * What a viewer may see of one logged phone contact (telefonkontakt during an outage). A call
 * stands in for the messages its steps would have been, sent from the logging unit to the unit on
 * the other end, so it follows the same rules as those messages (visibility.ts):
 * - the ward, and the unit that logged the call, see it all;
 * - hemtjänst sees only calls it took part in (its unit logged it or was the other end), and no
 *   NPÖ-linked step (the planning basis) of them;
 * - a party at basic level (no consent to information transfer to it) sees that a call happened,
 *   when, between which units and who signed it, and only the steps (with their details) that the
 *   basic level sees as messages: never the comment, which may hold anything that was said.
 */

/** The detail fields and the step each belongs to: a detail is shown only with its step. */
const DETAIL_STEPS: Record<keyof PhoneContactDetails, readonly PhoneStep[]> = {
  estimatedDischargeDate: ["beraknat_utskrivningsdatum", "inskrivning"],
  dischargeAt: ["faktiskt_utskrivningsdatum", "utskrivningsmeddelande"],
  sipAt: ["sip_datum"],
  consents: ["samtycke"],
  readyDecidedAt: ["utskrivningsklar"],
};

export interface PhoneContactContent {
  /** The logging unit. */
  unitId: string;
  counterpartUnitId: string | null;
  steps: readonly PhoneStep[];
  details?: PhoneContactDetails | null;
  comment: string | null;
}

export type PhoneContactView =
  | { visible: false }
  | {
      visible: true;
      level: VisibilityLevel;
      steps: PhoneStep[];
      details: PhoneContactDetails;
      /** null when there was none or the viewer may not read it. */
      comment: string | null;
      /** Something of the call is withheld from this viewer (the UI says so). */
      redacted: boolean;
    };

export function viewPhoneContact(
  viewer: Viewer,
  call: PhoneContactContent,
  consents: readonly ConsentRecord[],
  /** The viewer's units that are parties of the case. */
  viewerUnitIds: readonly string[],
): PhoneContactView {
  const details: PhoneContactDetails = { ...(call.details ?? {}) };
  const own = viewerUnitIds.includes(call.unitId);
  if (own || isWardViewer(viewer)) {
    return { visible: true, level: "full", steps: [...call.steps], details, comment: call.comment, redacted: false };
  }
  const hemtjanst = isHemtjanstViewer(viewer);
  const participant = call.counterpartUnitId !== null && viewerUnitIds.includes(call.counterpartUnitId);
  if (hemtjanst && !participant) return { visible: false };

  const level = caseVisibility(viewer, consents).level;
  const options = { withoutNpoContent: hemtjanst };
  const steps = call.steps.filter((s) => {
    const kind = PHONE_STEP_MESSAGE_KIND[s];
    if (!kind) return level === "full" && !hemtjanst;
    if (hemtjanst && NPO_LINKED_KINDS.has(kind)) return false;
    return level === "full" || isBasicVisibleKind(kind);
  });
  const shown: PhoneContactDetails = {};
  for (const [key, value] of Object.entries(details) as [keyof PhoneContactDetails, unknown][]) {
    if (key in DETAIL_STEPS && DETAIL_STEPS[key].some((s) => steps.includes(s))) (shown as Record<string, unknown>)[key] = value;
  }
  // The comment is free text beside every step of the call: readable only where each step's free
  // text would be.
  const commentVisible = call.steps.every((s) => {
    const kind = PHONE_STEP_MESSAGE_KIND[s];
    return kind ? isFreeTextVisible(kind, level, options) : level === "full" && !hemtjanst;
  });
  const comment = commentVisible ? call.comment : null;
  const redacted =
    steps.length < call.steps.length ||
    Object.keys(shown).length < Object.keys(details).filter((k) => k in DETAIL_STEPS).length ||
    (!!call.comment && comment === null);
  return { visible: true, level, steps, details: shown, comment, redacted };
}

/**
 * The calls of a case as the viewer may see them, in the same order: hidden calls left out, the
 * rest with only the steps, details and comment the viewer may read (for lists, printed forms and
 * anything drafted from the log).
 */
export function visiblePhoneContacts<T extends PhoneContactContent>(
  viewer: Viewer,
  calls: readonly T[],
  consents: readonly ConsentRecord[],
  viewerUnitIds: readonly string[],
): (T & { redacted: boolean })[] {
  const out: (T & { redacted: boolean })[] = [];
  for (const call of calls) {
    const v = viewPhoneContact(viewer, call, consents, viewerUnitIds);
    if (!v.visible) continue;
    out.push({ ...call, steps: v.steps, details: v.details, comment: v.comment, redacted: v.redacted });
  }
  return out;
}

const PARTY_VIEWER_ROLE: Record<PartyRole, Role> = {
  avdelning: "avd_ssk",
  kommun: "bistandshandlaggare",
  hemsjukvard: "kommun_ssk",
  hemtjanst: "hemtjanst",
  vardcentral: "vc_personal",
  psykiatrisk_oppenvard: "psykiatri_oppenvard",
};

/** A party unit as a reader of what is sent to it (e.g. a drafted summary), whoever opens it there. */
export function partyViewer(role: PartyRole): Viewer {
  return { partyRole: role, role: PARTY_VIEWER_ROLE[role] };
}
