"use client";
import { CLOSE_REASONS } from "@vardkedjan/domain/case/types";
import { CLOSE_REASON_LABELS } from "@vardkedjan/domain/case/labels";
import { Radios, TextArea } from "../../../kit/fields";
import { defineKind, str } from "../spec";

type V = { reason: string; comment: string };

/** Avsluta ärende: discharged and done, died, transferred, or cancelled. */
export const avslutForm = defineKind<V>({
  initial: (view) => ({
    reason: view.stage === "utskriven" ? "utskriven_klar" : "",
    comment: "",
  }),
  toPayload: (v) => ({ reason: v.reason || undefined, comment: v.comment }),
  fromPayload: (p) => ({ reason: str(p.reason), comment: str(p.comment) }),
  submitLabel: "Avsluta ärendet",
  freeText: false,
  Fields: ({ values, set, error, id }) => (
    <>
      <Radios
        id={id("reason")}
        legend="Orsak"
        value={values.reason}
        onChange={(v) => set({ reason: v })}
        options={CLOSE_REASONS.map((r) => ({
          value: r,
          label: CLOSE_REASON_LABELS[r],
        }))}
        error={error("reason")}
      />
      <TextArea id={id("comment")} label="Kommentar" optional value={values.comment} onChange={(v) => set({ comment: v })} error={error("comment")} />
    </>
  ),
});
