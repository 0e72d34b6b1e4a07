import type { ReactNode } from "react";
import type { MessageKind } from "@vardkedjan/domain/case/types";
import { MESSAGE_KIND_LABELS } from "@vardkedjan/domain/case/labels";
import { roleMayCorrect } from "@vardkedjan/domain/case/transitions";
import type { CaseMessage, CaseView } from "../types";
import type { FieldError } from "../../kit/call-error";
import { toDateInput, toLocalInput } from "../../kit/format";

/** A form's values: plain JSON, so that a draft can be kept in sessionStorage. */
export type FormValues = Record<string, unknown>;

export interface FormMeta {
  /** For the planning basis: the version the editor started from. */
  baseVersion: number;
}

export interface KindFieldsProps<V extends FormValues> {
  values: V;
  set: (patch: Partial<V>) => void;
  /** The first error for a field (a top-level payload key, or a dotted path). */
  error: (path: string) => string | undefined;
  /** All errors under a path prefix (for lists). */
  errorsUnder: (prefix: string) => FieldError[];
  /** A field's element id, also the target of the error summary's links. */
  id: (field: string) => string;
  view: CaseView;
  meta: FormMeta;
}

export interface KindSpec<V extends FormValues> {
  initial: (view: CaseView) => V;
  toPayload: (values: V, meta: FormMeta) => Record<string, unknown>;
  /**
   * The inverse of `toPayload`: a sent message's payload as the form's values, so that a
   * correction starts from what was sent (dates and times as the inputs take them). From the
   * payload alone, so that an item registered after an outage starts from its prefill the same way.
   */
  fromPayload: (payload: Record<string, unknown>) => V;
  Fields: (props: KindFieldsProps<V>) => ReactNode;
  /** Free text beside the form (messages.freeText); off where the form is itself free text. */
  freeText?: boolean;
  /** Text of the send button; default "Skicka". */
  submitLabel?: string;
}

/** Erases the form's own value type for the registry (each spec is type-checked where defined). */
export function defineKind<V extends FormValues>(spec: KindSpec<V>): KindSpec<FormValues> {
  return spec as unknown as KindSpec<FormValues>;
}

export type KindRegistry = Record<MessageKind, KindSpec<FormValues>>;

/** The latest payload of a kind in the case that the viewer can see, newest first by time. */
export function latestPayload(view: CaseView, kind: MessageKind, senderUnitIds?: string[]): Record<string, unknown> | null {
  const found = view.messages
    .filter((m) => m.kind === kind && (!senderUnitIds || senderUnitIds.includes(m.senderUnitId)))
    .sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime())[0];
  return found ? found.payload : null;
}

/**
 * A kind's label inside a sentence ("Rätta inskrivningsmeddelande"): the first letter in lower
 * case, unless the label starts with an abbreviation ("SIP-plan").
 */
export function kindInSentence(kind: MessageKind): string {
  const label = MESSAGE_KIND_LABELS[kind];
  return /^\p{Lu}\p{Lu}/u.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

/**
 * May the viewer correct this message? The domain (checkSend) takes a correction of an earlier
 * message of the same kind from the same unit, whatever the stage, so this asks the party role
 * rules (who may send the kind at all), not `viewer.canSend`, which also applies the order rules
 * a correction skips (e.g. an admission notice is not in canSend once it has been sent). Not the
 * planning basis (corrected by a new version), not in a closed case, not a message shown only in
 * part, and only the newest version of a correction chain.
 */
export function mayCorrect(view: CaseView, message: CaseMessage): boolean {
  return (
    !view.closedAt &&
    view.stage !== "avslutad" &&
    !message.redacted &&
    view.viewer.unitIds.includes(message.senderUnitId) &&
    roleMayCorrect(view.viewer.role, message.kind) &&
    !view.messages.some((m) => m.correctsMessageId === message.id)
  );
}

export const str = (v: unknown): string => (typeof v === "string" ? v : "");

/** A boolean of a payload as a yes/no radio's value ("ja"/"nej"; "" when absent). */
export const yn = (b: unknown): string => (b === true ? "ja" : b === false ? "nej" : "");

/** A list of a payload as a text area with one entry per line. */
export const joinLines = (v: unknown): string => (Array.isArray(v) ? v.filter((x) => typeof x === "string").join("\n") : "");

/**
 * A payload's date-time (ISO with offset) as the value of <input type="datetime-local">: the
 * Stockholm wall clock "YYYY-MM-DDTHH:MM"; "" when absent or unreadable.
 */
export function isoToLocalInput(v: unknown): string {
  if (typeof v !== "string" || !v) return "";
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? "" : toLocalInput(d);
}

/** A payload's calendar date as the value of <input type="date"> ("YYYY-MM-DD"); "" when absent. */
export function isoToDateInput(v: unknown): string {
  if (typeof v !== "string" || !v) return "";
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  // A full instant (not what the schemas store, but read kindly): its Stockholm calendar date.
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? "" : toDateInput(d);
}

/** One entry per non-empty line. */
export function lines(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
}
