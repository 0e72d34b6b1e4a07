"use client";
import { TextArea } from "../../../kit/fields";
import { defineKind, joinLines, lines } from "../spec";

type V = { applied: string; decided: string };

/** Meddela beslut (biståndshandläggare): services applied for and decided, one per line. */
export const meddelaBeslutForm = defineKind<V>({
  initial: () => ({ applied: "", decided: "" }),
  toPayload: (v) => ({ applied: lines(v.applied), decided: lines(v.decided) }),
  fromPayload: (p) => ({
    applied: joinLines(p.applied),
    decided: joinLines(p.decided),
  }),
  Fields: ({ values, set, error, errorsUnder, id }) => (
    <>
      <TextArea
        id={id("applied")}
        label="Ansökta insatser"
        hint="En insats per rad."
        optional
        value={values.applied}
        onChange={(v) => set({ applied: v })}
        error={errorsUnder("applied")[0]?.message}
      />
      <TextArea
        id={id("decided")}
        label="Beslutade insatser"
        hint="En insats per rad."
        optional
        value={values.decided}
        onChange={(v) => set({ decided: v })}
        error={error("decided") ?? errorsUnder("decided")[0]?.message}
      />
    </>
  ),
});
