import type { ReactNode } from "react";
import type { MessageKind } from "@vardkedjan/domain/case/types";
import type { CaseView } from "../types";
import type { FieldError } from "../call-error";

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
  Fields: (props: KindFieldsProps<V>) => ReactNode;
  /** Free text beside the form (messages.freeText); off where the form is itself free text. */
  freeText?: boolean;
  /** Text of the send button; default "Skicka". */
  submitLabel?: string;
}

/** Erases the form's own value type for the registry (each spec is type-checked where defined). */
export function defineKind<V extends FormValues>(
  spec: KindSpec<V>,
): KindSpec<FormValues> {
  return spec as unknown as KindSpec<FormValues>;
}

export type KindRegistry = Record<MessageKind, KindSpec<FormValues>>;

/** The latest payload of a kind in the case that the viewer can see, newest first by time. */
export function latestPayload(
  view: CaseView,
  kind: MessageKind,
  senderUnitIds?: string[],
): Record<string, unknown> | null {
  const found = view.messages
    .filter(
      (m) =>
        m.kind === kind &&
        (!senderUnitIds || senderUnitIds.includes(m.senderUnitId)),
    )
    .sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime())[0];
  return found ? found.payload : null;
}

export const str = (v: unknown): string => (typeof v === "string" ? v : "");

/** One entry per non-empty line. */
export function lines(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
}
