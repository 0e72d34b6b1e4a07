"use client";
import { HOME_CARE_ROLES } from "@vardkedjan/domain/case/party-add";
import { TextArea } from "../../../kit/fields";
import { BringInUnits } from "../bring-in-units";
import { defineKind, joinLines, lines } from "../spec";

type V = { applied: string; decided: string; bringInUnitIds: string[] };

const ids = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/**
 * Meddela beslut (biståndshandläggare): services applied for and decided, one per line, and the
 * kommun's own home care that will give the help, which joins the case when the decision is sent.
 */
export const meddelaBeslutForm = defineKind<V>({
  initial: () => ({ applied: "", decided: "", bringInUnitIds: [] }),
  toPayload: (v) => ({
    applied: lines(v.applied),
    decided: lines(v.decided),
    ...(v.bringInUnitIds.length > 0 ? { bringInUnitIds: v.bringInUnitIds } : {}),
  }),
  fromPayload: (p) => ({
    applied: joinLines(p.applied),
    decided: joinLines(p.decided),
    bringInUnitIds: ids(p.bringInUnitIds),
  }),
  Fields: ({ values, set, error, errorsUnder, id, view }) => (
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
      <BringInUnits
        view={view}
        id={id("bringInUnitIds")}
        roles={HOME_CARE_ROLES}
        legend="Hemsjukvård och hemtjänst som ger insatserna"
        hint="De valda enheterna blir parter i ärendet och får beslutet när du skickar det."
        value={values.bringInUnitIds}
        onChange={(v) => set({ bringInUnitIds: v })}
        error={errorsUnder("bringInUnitIds")[0]?.message}
      />
    </>
  ),
});
