"use client";
import { SelectField, TextArea } from "../../../kit/fields";
import { defineKind, latestPayload, str } from "../spec";

type V = {
  needs: string;
  adlStatus: string;
  homeSituation: string;
  aids: string;
  track: string;
};

const fromPayload = (p: Record<string, unknown>): V => ({
  needs: str(p.needs),
  adlStatus: str(p.adlStatus),
  homeSituation: str(p.homeSituation),
  aids: str(p.aids),
  track: str(p.track),
});

/**
 * Planeringsunderlag: one current version, kept by the ward. The form starts from the latest
 * version; sending makes the next one, and a version sent by someone else meanwhile is a conflict.
 */
export const planeringsunderlagForm = defineKind<V>({
  initial: (view) => fromPayload(latestPayload(view, "planeringsunderlag") ?? {}),
  // The version is not a value of the form: it comes from FormMeta.baseVersion when sent.
  fromPayload,
  toPayload: (v, meta) => ({
    version: meta.baseVersion + 1,
    needs: v.needs,
    adlStatus: v.adlStatus,
    homeSituation: v.homeSituation,
    aids: v.aids,
    track: v.track || undefined,
  }),
  submitLabel: "Skicka planeringsunderlag",
  Fields: ({ values, set, error, id, meta }) => (
    <>
      <p className="mb-3 text-sm text-muted">
        {meta.baseVersion === 0 ? "Första versionen (version 1)." : `Du utgår från version ${meta.baseVersion}. Skickas som version ${meta.baseVersion + 1}.`}
      </p>
      <TextArea id={id("needs")} label="Behov efter utskrivning" rows={4} value={values.needs} onChange={(v) => set({ needs: v })} error={error("needs")} />
      <TextArea id={id("adlStatus")} label="ADL-status" optional value={values.adlStatus} onChange={(v) => set({ adlStatus: v })} error={error("adlStatus")} />
      <TextArea
        id={id("homeSituation")}
        label="Boendesituation"
        optional
        value={values.homeSituation}
        onChange={(v) => set({ homeSituation: v })}
        error={error("homeSituation")}
      />
      <TextArea id={id("aids")} label="Hjälpmedel" optional value={values.aids} onChange={(v) => set({ aids: v })} error={error("aids")} />
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
