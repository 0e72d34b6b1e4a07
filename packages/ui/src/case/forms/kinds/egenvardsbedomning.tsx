"use client";
import { Radios, TextArea, YES_NO, yesNo } from "../../../kit/fields";
import { defineKind, latestPayload, str, yn } from "../spec";

type V = {
  assessment: string;
  needsPracticalHelp: string;
  confirmedGranted: string;
};

/**
 * Egenvårdsbedömning: the ward's assessment; the biståndshandläggare confirms it by answering
 * with the same assessment and whether the services are granted.
 */
export const egenvardsbedomningForm = defineKind<V>({
  initial: (view) => {
    if (view.viewer.role === "avdelning") return { assessment: "", needsPracticalHelp: "", confirmedGranted: "" };
    const wardUnits = view.parties.filter((p) => p.role === "avdelning").map((p) => p.unitId);
    const p = latestPayload(view, "egenvardsbedomning", wardUnits) ?? {};
    return {
      assessment: str(p.assessment),
      needsPracticalHelp: yn(p.needsPracticalHelp),
      confirmedGranted: "",
    };
  },
  toPayload: (v) => ({
    assessment: v.assessment,
    needsPracticalHelp: yesNo(v.needsPracticalHelp),
    confirmedGranted: yesNo(v.confirmedGranted),
  }),
  fromPayload: (p) => ({
    assessment: str(p.assessment),
    needsPracticalHelp: yn(p.needsPracticalHelp),
    confirmedGranted: yn(p.confirmedGranted),
  }),
  Fields: ({ values, set, error, id, view }) => (
    <>
      <TextArea
        id={id("assessment")}
        label="Bedömning"
        rows={4}
        value={values.assessment}
        onChange={(v) => set({ assessment: v })}
        error={error("assessment")}
      />
      <Radios
        id={id("needsPracticalHelp")}
        legend="Behöver patienten praktisk hjälp med egenvården?"
        inline
        value={values.needsPracticalHelp}
        onChange={(v) => set({ needsPracticalHelp: v })}
        options={YES_NO}
        error={error("needsPracticalHelp")}
      />
      {view.viewer.role !== "avdelning" ? (
        <Radios
          id={id("confirmedGranted")}
          legend="Är insatserna beviljade?"
          inline
          value={values.confirmedGranted}
          onChange={(v) => set({ confirmedGranted: v })}
          options={YES_NO}
          error={error("confirmedGranted")}
        />
      ) : null}
    </>
  ),
});
