import { MESSAGE_KINDS, type MessageKind } from "@vardkedjan/domain/case/types";
import { clearSessionDraft, loadSessionDraft, loadSessionText, saveSessionDraft, saveSessionText } from "../../kit/session-draft";
import type { FormValues } from "./spec";

/**
 * Drafts of open message forms, per case and kind, kept in this tab (kit/session-draft.ts): a sent
 * message removes its draft. A correction of a sent message has a draft of its own (per corrected
 * message), apart from a new message of the same kind.
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

export const draftKey = (caseId: string, kind: MessageKind, corrects: string | null = null) =>
  corrects ? `vk-utkast:${caseId}:${kind}:rattelse:${corrects}` : `vk-utkast:${caseId}:${kind}`;
const openKey = (caseId: string) => `vk-oppet-formular:${caseId}`;

const isDraft = (d: unknown): d is Draft =>
  typeof d === "object" && d !== null && typeof (d as Draft).key === "string" && typeof (d as Draft).values === "object";

export function loadDraft(caseId: string, kind: MessageKind, corrects: string | null = null): Draft | null {
  return loadSessionDraft(draftKey(caseId, kind, corrects), isDraft);
}

export function saveDraft(caseId: string, kind: MessageKind, draft: Draft, corrects: string | null = null): void {
  saveSessionDraft(draftKey(caseId, kind, corrects), draft);
}

export function clearDraft(caseId: string, kind: MessageKind, corrects: string | null = null): void {
  clearSessionDraft(draftKey(caseId, kind, corrects));
}

/** Which form was open, so that a reload opens it again with its draft. */
export function loadOpenForm(caseId: string): OpenForm | null {
  const raw = loadSessionText(openKey(caseId));
  return raw ? parseOpenForm(raw) : null;
}

export function saveOpenForm(caseId: string, form: OpenForm | null): void {
  saveSessionText(openKey(caseId), form ? formatOpenForm(form) : null);
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
