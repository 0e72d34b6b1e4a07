"use client";
import {
  ADL_AREA_LABELS,
  ADL_AREAS,
  ADL_LEVEL_LABELS,
  ADL_LEVELS,
  AID_KIND_LABELS,
  AID_KINDS,
  HOUSING_KIND_LABELS,
  HOUSING_KINDS,
  MEDICATION_HANDLER_LABELS,
  MEDICATION_HANDLERS,
  RISK_KIND_LABELS,
  RISK_KINDS,
} from "@vardkedjan/domain/case/structured-content";
import { FieldGroup, Radios, SelectField, TextArea, YES_NO, yesNo } from "../../../kit/fields";
import { defineKind, latestPayload, str, yn } from "../spec";
import {
  appendText,
  CheckboxSet,
  MedicationRows,
  medicationPayload,
  medicationRows,
  optionsOf,
  PhraseTemplateInsert,
  type MedicationRow,
} from "./structured-parts";

type V = {
  needs: string;
  /** Level per ADL area; "" = not assessed. */
  adl: Record<string, string>;
  adlStatus: string;
  risks: string[];
  riskNote: string;
  medicationHandler: string;
  dosDispensed: string;
  medications: MedicationRow[];
  aidKinds: string[];
  aids: string;
  housing: string;
  livesAlone: string;
  homeSituation: string;
  track: string;
};

const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
const orAbsent = <T,>(l: T[]): T[] | undefined => (l.length > 0 ? l : undefined);

const fromPayload = (p: Record<string, unknown>): V => ({
  needs: str(p.needs),
  adl: Object.fromEntries(
    (Array.isArray(p.adl) ? p.adl : []).map((a: unknown) => {
      const x = (a ?? {}) as Record<string, unknown>;
      return [str(x.area), str(x.level)];
    }),
  ),
  adlStatus: str(p.adlStatus),
  risks: list(p.risks),
  riskNote: str(p.riskNote),
  medicationHandler: str(p.medicationHandler),
  dosDispensed: yn(p.dosDispensed),
  medications: medicationRows(p.medications),
  aidKinds: list(p.aidKinds),
  aids: str(p.aids),
  housing: str(p.housing),
  livesAlone: yn(p.livesAlone),
  homeSituation: str(p.homeSituation),
  track: str(p.track),
});

const ADL_LEVEL_OPTIONS = optionsOf(ADL_LEVELS, ADL_LEVEL_LABELS);

/**
 * Planeringsunderlag: one current version, kept by the ward. The form starts from the latest
 * version; sending makes the next one, and a version sent by someone else meanwhile is a conflict.
 * Structured as the routines describe the planning basis: needs, ADL per area, risks, who
 * handles the medicines and the medication list, aids, housing.
 */
export const planeringsunderlagForm = defineKind<V>({
  initial: (view) => fromPayload(latestPayload(view, "planeringsunderlag") ?? {}),
  // The version is not a value of the form: it comes from FormMeta.baseVersion when sent.
  fromPayload,
  toPayload: (v, meta) => ({
    version: meta.baseVersion + 1,
    needs: v.needs,
    // An after-registration item sends only part of the form's values: a missing list is an empty one.
    adl: orAbsent(ADL_AREAS.filter((a) => v.adl?.[a]).map((area) => ({ area, level: v.adl[area] }))),
    adlStatus: v.adlStatus,
    risks: orAbsent(v.risks ?? []),
    riskNote: v.riskNote,
    medicationHandler: v.medicationHandler || undefined,
    dosDispensed: yesNo(v.dosDispensed),
    medications: medicationPayload(v.medications ?? []),
    aidKinds: orAbsent(v.aidKinds ?? []),
    aids: v.aids,
    housing: v.housing || undefined,
    livesAlone: yesNo(v.livesAlone),
    homeSituation: v.homeSituation,
    track: v.track || undefined,
  }),
  submitLabel: "Skicka planeringsunderlag",
  Fields: ({ values, set, error, id, meta }) => (
    <>
      <p className="mb-3 text-sm text-muted">
        {meta.baseVersion === 0 ? "Första versionen (version 1)." : `Du utgår från version ${meta.baseVersion}. Skickas som version ${meta.baseVersion + 1}.`}
      </p>
      <TextArea id={id("needs")} label="Behov efter utskrivning" rows={4} value={values.needs} onChange={(v) => set({ needs: v })} error={error("needs")} />
      <PhraseTemplateInsert id={id("needs-template")} onInsert={(t) => set({ needs: appendText(values.needs, t) })} />

      <FieldGroup
        id={id("adl")}
        legend="Förmåga i vardagliga aktiviteter (ADL)"
        hint="Hur mycket hjälp patienten behöver inom varje område."
        error={error("adl")}
        optional
      >
        <div className="grid gap-x-4 sm:grid-cols-2">
          {ADL_AREAS.map((area) => (
            <SelectField
              key={area}
              id={`${id("adl")}-${area}`}
              label={ADL_AREA_LABELS[area]}
              optional
              value={values.adl[area] ?? ""}
              onChange={(v) => set({ adl: { ...values.adl, [area]: v } })}
              placeholder="Inte bedömt"
              options={ADL_LEVEL_OPTIONS}
            />
          ))}
        </div>
        <TextArea
          id={id("adlStatus")}
          label="Övrigt om ADL"
          optional
          value={values.adlStatus}
          onChange={(v) => set({ adlStatus: v })}
          error={error("adlStatus")}
        />
      </FieldGroup>

      <CheckboxSet
        id={id("risks")}
        legend="Risker"
        hint="Risker som bedömts under vårdtiden."
        options={optionsOf(RISK_KINDS, RISK_KIND_LABELS)}
        value={values.risks}
        onChange={(v) => set({ risks: v })}
        error={error("risks")}
      />
      <TextArea id={id("riskNote")} label="Om riskerna" optional value={values.riskNote} onChange={(v) => set({ riskNote: v })} error={error("riskNote")} />

      <FieldGroup id={id("medicationHandling")} legend="Läkemedel" optional>
        <SelectField
          id={id("medicationHandler")}
          label="Vem sköter läkemedlen efter utskrivningen?"
          optional
          value={values.medicationHandler}
          onChange={(v) => set({ medicationHandler: v })}
          placeholder="Inte bestämt"
          options={optionsOf(MEDICATION_HANDLERS, MEDICATION_HANDLER_LABELS)}
          error={error("medicationHandler")}
        />
        <Radios
          id={id("dosDispensed")}
          legend="Dosdispenserade läkemedel?"
          inline
          value={values.dosDispensed}
          onChange={(v) => set({ dosDispensed: v })}
          options={YES_NO}
          error={error("dosDispensed")}
        />
        <MedicationRows id={id("medications")} rows={values.medications} onChange={(rows) => set({ medications: rows })} error={error} />
      </FieldGroup>

      <CheckboxSet
        id={id("aidKinds")}
        legend="Hjälpmedel"
        options={optionsOf(AID_KINDS, AID_KIND_LABELS)}
        value={values.aidKinds}
        onChange={(v) => set({ aidKinds: v })}
        error={error("aidKinds")}
      />
      <TextArea id={id("aids")} label="Övriga hjälpmedel" optional value={values.aids} onChange={(v) => set({ aids: v })} error={error("aids")} />

      <FieldGroup id={id("housingGroup")} legend="Boende" optional>
        <SelectField
          id={id("housing")}
          label="Boendeform"
          optional
          value={values.housing}
          onChange={(v) => set({ housing: v })}
          placeholder="Inte angivet"
          options={optionsOf(HOUSING_KINDS, HOUSING_KIND_LABELS)}
          error={error("housing")}
        />
        <Radios
          id={id("livesAlone")}
          legend="Bor patienten ensam?"
          inline
          value={values.livesAlone}
          onChange={(v) => set({ livesAlone: v })}
          options={YES_NO}
          error={error("livesAlone")}
        />
        <TextArea
          id={id("homeSituation")}
          label="Om boendet"
          optional
          hint="Till exempel trappor, hiss, vem som finns nära."
          value={values.homeSituation}
          onChange={(v) => set({ homeSituation: v })}
          error={error("homeSituation")}
        />
      </FieldGroup>

      <SelectField
        id={id("track")}
        label="Processpår"
        optional
        value={values.track}
        onChange={(v) => set({ track: v })}
        placeholder="Inget valt"
        options={[
          { value: "gron", label: "Grönt spår" },
          { value: "gul", label: "Gult spår" },
          { value: "rod", label: "Rött spår" },
        ]}
        error={error("track")}
      />
    </>
  ),
});
