"use client";
import { BUTTON_SECONDARY, FieldGroup, Radios, SelectField, TextArea, TextField, YES_NO, yesNo } from "../../../kit/fields";
import { defineKind, isoToDateInput, str, yn } from "../spec";

type Intervention = { what: string; responsible: string; by: string };
type V = {
  interventions: Intervention[];
  overallResponsible: string;
  otherActorsMeasures: string;
  goals: string;
  followUpAt: string;
  offeredToPatient: string;
};

const RESPONSIBLE = [
  { value: "region", label: "Regionen" },
  { value: "kommun", label: "Kommunen" },
  { value: "annan", label: "Annan aktör" },
];

/** SIP-plan with what the law requires (HSL 16 kap. 4 §, SoL 2 kap. 7 §): interventions and who answers for each, overall responsibility. */
export const sipPlanForm = defineKind<V>({
  initial: () => ({
    interventions: [{ what: "", responsible: "", by: "" }],
    overallResponsible: "",
    otherActorsMeasures: "",
    goals: "",
    followUpAt: "",
    offeredToPatient: "",
  }),
  toPayload: (v) => ({
    interventions: v.interventions
      .filter((i) => i.what.trim() || i.responsible || i.by.trim())
      .map((i) => ({
        what: i.what,
        responsible: i.responsible || undefined,
        by: i.by,
      })),
    overallResponsible: v.overallResponsible || undefined,
    otherActorsMeasures: v.otherActorsMeasures,
    goals: v.goals,
    followUpAt: v.followUpAt || undefined,
    offeredToPatient: yesNo(v.offeredToPatient),
  }),
  fromPayload: (p) => {
    const rows = (Array.isArray(p.interventions) ? p.interventions : []).map((i: unknown): Intervention => {
      const x = (i ?? {}) as Record<string, unknown>;
      return {
        what: str(x.what),
        responsible: str(x.responsible),
        by: str(x.by),
      };
    });
    return {
      interventions: rows.length > 0 ? rows : [{ what: "", responsible: "", by: "" }],
      overallResponsible: str(p.overallResponsible),
      otherActorsMeasures: str(p.otherActorsMeasures),
      goals: str(p.goals),
      followUpAt: isoToDateInput(p.followUpAt),
      offeredToPatient: yn(p.offeredToPatient),
    };
  },
  submitLabel: "Skicka SIP-plan",
  Fields: ({ values, set, error, id }) => {
    const update = (i: number, patch: Partial<Intervention>) =>
      set({
        interventions: values.interventions.map((x, j) => (j === i ? { ...x, ...patch } : x)),
      });
    return (
      <>
        <FieldGroup id={id("interventions")} legend="Insatser" error={error("interventions")}>
          <ol className="grid gap-3">
            {values.interventions.map((row, i) => (
              <li key={i} className="rounded border border-line p-3">
                <p className="mb-2 font-medium">Insats {i + 1}</p>
                <TextField
                  id={`${id("interventions")}-${i}-what`}
                  label="Insats"
                  value={row.what}
                  onChange={(v) => update(i, { what: v })}
                  error={error(`interventions.${i}.what`)}
                />
                <SelectField
                  id={`${id("interventions")}-${i}-responsible`}
                  label="Ansvarig"
                  value={row.responsible}
                  onChange={(v) => update(i, { responsible: v })}
                  placeholder="Välj ansvarig"
                  options={RESPONSIBLE}
                  error={error(`interventions.${i}.responsible`)}
                />
                <TextField
                  id={`${id("interventions")}-${i}-by`}
                  label="Utförare"
                  optional
                  value={row.by}
                  onChange={(v) => update(i, { by: v })}
                  error={error(`interventions.${i}.by`)}
                />
                {values.interventions.length > 1 ? (
                  <button
                    type="button"
                    className={BUTTON_SECONDARY}
                    onClick={() =>
                      set({
                        interventions: values.interventions.filter((_, j) => j !== i),
                      })
                    }
                  >
                    Ta bort insats {i + 1}
                  </button>
                ) : null}
              </li>
            ))}
          </ol>
          <button
            type="button"
            className={`${BUTTON_SECONDARY} mt-3`}
            onClick={() =>
              set({
                interventions: [...values.interventions, { what: "", responsible: "", by: "" }],
              })
            }
          >
            Lägg till insats
          </button>
        </FieldGroup>
        <Radios
          id={id("overallResponsible")}
          legend="Huvudman med övergripande ansvar"
          inline
          value={values.overallResponsible}
          onChange={(v) => set({ overallResponsible: v })}
          options={RESPONSIBLE.slice(0, 2)}
          error={error("overallResponsible")}
        />
        <TextArea id={id("goals")} label="Mål" optional value={values.goals} onChange={(v) => set({ goals: v })} error={error("goals")} />
        <TextArea
          id={id("otherActorsMeasures")}
          label="Andra aktörers åtgärder"
          optional
          value={values.otherActorsMeasures}
          onChange={(v) => set({ otherActorsMeasures: v })}
          error={error("otherActorsMeasures")}
        />
        <TextField
          id={id("followUpAt")}
          type="date"
          label="Uppföljning"
          optional
          value={values.followUpAt}
          onChange={(v) => set({ followUpAt: v })}
          error={error("followUpAt")}
        />
        <Radios
          id={id("offeredToPatient")}
          legend="Har planen erbjudits patienten?"
          inline
          value={values.offeredToPatient}
          onChange={(v) => set({ offeredToPatient: v })}
          options={YES_NO}
          error={error("offeredToPatient")}
        />
      </>
    );
  },
});
