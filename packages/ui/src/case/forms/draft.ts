import { MESSAGE_KINDS, type MessageKind } from "@vardkedjan/domain/case/types";
import type { FormValues } from "./spec";

/**
 * Drafts of open message forms, per case and kind, in sessionStorage: nothing typed is lost on a
 * reload (expired session, context switched in another tab). sessionStorage stays in this tab and
 * is cleared when it closes; a sent message removes its draft. A correction of a sent message has
 * a draft of its own (per corrected message), apart from a new message of the same kind.
 */
export interface Draft {
  values: FormValues;
  recipients: string[];
  freeText: string;
  baseVersion: number;
  /** The idempotency key made when the form was first opened. */
  key: string;
}

/** What a form is for: a new message of a kind, or a correction of one sent message. */
export interface OpenForm {
  kind: MessageKind;
  /** The id of the message corrected; null for a new message. */
  corrects: string | null;
}

export const draftKey = (
  caseId: string,
  kind: MessageKind,
  corrects: string | null = null,
) =>
  corrects
    ? `vk-utkast:${caseId}:${kind}:rattelse:${corrects}`
    : `vk-utkast:${caseId}:${kind}`;
const openKey = (caseId: string) => `vk-oppet-formular:${caseId}`;

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

export function loadDraft(
  caseId: string,
  kind: MessageKind,
  corrects: string | null = null,
): Draft | null {
  const raw = storage()?.getItem(draftKey(caseId, kind, corrects));
  if (!raw) return null;
  try {
    const d = JSON.parse(raw) as Draft;
    return d && typeof d.key === "string" && typeof d.values === "object"
      ? d
      : null;
  } catch {
    return null;
  }
}

export function saveDraft(
  caseId: string,
  kind: MessageKind,
  draft: Draft,
  corrects: string | null = null,
): void {
  try {
    storage()?.setItem(draftKey(caseId, kind, corrects), JSON.stringify(draft));
  } catch {
    // A full or disabled storage only loses the safety net.
  }
}

export function clearDraft(
  caseId: string,
  kind: MessageKind,
  corrects: string | null = null,
): void {
  storage()?.removeItem(draftKey(caseId, kind, corrects));
}

/** Which form was open, so that a reload opens it again with its draft. */
export function loadOpenForm(caseId: string): OpenForm | null {
  const raw = storage()?.getItem(openKey(caseId));
  return raw ? parseOpenForm(raw) : null;
}

export function saveOpenForm(caseId: string, form: OpenForm | null): void {
  const s = storage();
  if (!s) return;
  if (form) s.setItem(openKey(caseId), formatOpenForm(form));
  else s.removeItem(openKey(caseId));
}

/** "kind" for a new message, "kind:rattelse:<message id>" for a correction. */
export function formatOpenForm(form: OpenForm): string {
  return form.corrects ? `${form.kind}:rattelse:${form.corrects}` : form.kind;
}

export function parseOpenForm(raw: string): OpenForm | null {
  const m = /^([a-z_]+)(?::rattelse:(.+))?$/.exec(raw);
  if (!m || !(MESSAGE_KINDS as readonly string[]).includes(m[1]!)) return null;
  return { kind: m[1] as MessageKind, corrects: m[2] ?? null };
}
