import type { MessageKind } from "@vardkedjan/domain/case/types";
import type { FormValues } from "./spec";

/**
 * Drafts of open message forms, per case and kind, in sessionStorage: nothing typed is lost on a
 * reload (expired session, context switched in another tab). sessionStorage stays in this tab and
 * is cleared when it closes; a sent message removes its draft.
 */
export interface Draft {
  values: FormValues;
  recipients: string[];
  freeText: string;
  baseVersion: number;
  /** The idempotency key made when the form was first opened. */
  key: string;
}

const draftKey = (caseId: string, kind: MessageKind) =>
  `vk-utkast:${caseId}:${kind}`;
const openKey = (caseId: string) => `vk-oppet-formular:${caseId}`;

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

export function loadDraft(caseId: string, kind: MessageKind): Draft | null {
  const raw = storage()?.getItem(draftKey(caseId, kind));
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
): void {
  try {
    storage()?.setItem(draftKey(caseId, kind), JSON.stringify(draft));
  } catch {
    // A full or disabled storage only loses the safety net.
  }
}

export function clearDraft(caseId: string, kind: MessageKind): void {
  storage()?.removeItem(draftKey(caseId, kind));
}

/** Which form was open, so that a reload opens it again with its draft. */
export function loadOpenKind(caseId: string): MessageKind | null {
  return (storage()?.getItem(openKey(caseId)) as MessageKind | null) ?? null;
}

export function saveOpenKind(caseId: string, kind: MessageKind | null): void {
  const s = storage();
  if (!s) return;
  if (kind) s.setItem(openKey(caseId), kind);
  else s.removeItem(openKey(caseId));
}
