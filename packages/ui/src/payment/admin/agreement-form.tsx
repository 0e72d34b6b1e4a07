"use client";
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import {
  AGREEMENT_MODEL_LABELS,
  AGREEMENT_MODEL_KINDS,
  LAW_DEFAULT_MODEL,
  LPT_LRV_HANDLINGS,
  LPT_LRV_LABELS,
  VASTRA_GOTALAND_MODEL,
  type AgreementModel,
  type AgreementModelKind,
  type DayCount,
  type LptLrvHandlingKind,
} from "@vardkedjan/domain/payment/agreement";
import { useTRPC } from "../../trpc/react";
import { callError, type CallError } from "../../kit/call-error";
import { ErrorNotice } from "../../kit/error-notice";
import { BUTTON_PRIMARY, BUTTON_SECONDARY, Checkbox, FieldGroup, SelectField, TextField } from "../../kit/fields";

/**
 * A new version of an agreement: who it covers, its validity, its model, field by field. The
 * domain's zod schemas validate it on the server; their Swedish messages come back per field.
 */

export interface AgreementFormProps {
  municipalities: { id: string; name: string }[];
  /** The latest version per reach ("" = region-wide), for the optimistic check. */
  latest: Map<string, { version: number; model: AgreementModel; name: string }>;
  onSaved: () => void;
  onCancel: () => void;
}

const num = (s: string): number => (s.trim() === "" ? Number.NaN : Number(s.replace(",", ".")));

function DayCountFields({
  id,
  legend,
  value,
  onChange,
  errorOf,
}: {
  id: string;
  legend: string;
  value: DayCount;
  onChange: (v: DayCount) => void;
  errorOf: (p: string) => string | undefined;
}) {
  return (
    <FieldGroup id={id} legend={legend}>
      <TextField
        id={`${id}-fria`}
        label="Fria dagar efter dag 0"
        inputMode="numeric"
        value={Number.isNaN(value.freeDays) ? "" : String(value.freeDays)}
        onChange={(v) => onChange({ ...value, freeDays: num(v) })}
        error={errorOf("freeDays")}
      />
      <Checkbox
        id={`${id}-dag0`}
        label="Dagen då meddelandet om utskrivningsklar skickades är dag 0"
        checked={value.noticeDayCounts}
        onChange={(v) => onChange(v ? { ...value, noticeDayCounts: true } : { noticeDayCounts: false, freeDays: value.freeDays })}
      />
      {value.noticeDayCounts ? (
        <TextField
          id={`${id}-bryt`}
          label="Brytpunkt, hel timme (meddelande från denna tid gör nästa dag till dag 0)"
          optional
          inputMode="numeric"
          value={value.cutoffHour === undefined ? "" : String(value.cutoffHour)}
          onChange={(v) => onChange(v.trim() === "" ? { noticeDayCounts: true, freeDays: value.freeDays } : { ...value, cutoffHour: num(v) })}
          error={errorOf("cutoffHour")}
        />
      ) : null}
    </FieldGroup>
  );
}

export function AgreementForm({ municipalities, latest, onSaved, onCancel }: AgreementFormProps) {
  const trpc = useTRPC();
  const [reach, setReach] = useState("");
  const base = latest.get(reach);
  const [name, setName] = useState(base?.name ?? "");
  const [validFrom, setValidFrom] = useState("");
  const [validTo, setValidTo] = useState("");
  const [model, setModel] = useState<AgreementModel>(base?.model ?? LAW_DEFAULT_MODEL);
  const [amount, setAmount] = useState(model.amountPerDayKr === undefined ? "" : String(model.amountPerDayKr));
  const [error, setError] = useState<CallError | null>(null);
  const save = useMutation(trpc.payment.addAgreementVersion.mutationOptions({ onSuccess: onSaved, onError: (e) => setError(callError(e)) }));
  const errorOf = (path: string) => error?.fieldErrors.find((f) => f.path === path)?.message;
  const modelError = (prefix: string) => (p: string) => errorOf(`model.${prefix}${p}`);

  const setKind = (kind: AgreementModelKind) => setModel(kind === "individuell" ? LAW_DEFAULT_MODEL : VASTRA_GOTALAND_MODEL);
  const lpt = model.lptLrv.handling;

  return (
    <form
      data-testid="agreement-form"
      className="rounded border border-line p-4"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        const withAmount: AgreementModel = amount.trim() === "" ? { ...model, amountPerDayKr: undefined } : { ...model, amountPerDayKr: num(amount) };
        if (withAmount.amountPerDayKr === undefined) delete withAmount.amountPerDayKr;
        save.mutate({ municipalityId: reach || null, baseVersion: base?.version ?? null, validFrom, validTo: validTo || null, name, model: withAmount });
      }}
    >
      <h2 className="mb-3 text-xl font-semibold">Ny version av överenskommelse</h2>
      {error ? <ErrorNotice error={error} where="form" showFieldErrors /> : null}
      <SelectField
        id="reach"
        label="Gäller"
        value={reach}
        onChange={(v) => {
          // Start from the latest version of the chosen reach (or the region's, for a kommun's first).
          const from = latest.get(v) ?? latest.get("");
          setReach(v);
          setName(from?.name ?? "");
          const next = from?.model ?? LAW_DEFAULT_MODEL;
          setModel(next);
          setAmount(next.amountPerDayKr === undefined ? "" : String(next.amountPerDayKr));
        }}
        options={[{ value: "", label: "Hela regionen" }, ...municipalities.map((m) => ({ value: m.id, label: m.name }))]}
        hint={base ? `Ersätter version ${base.version} från och med giltighetsdatumet.` : "Första versionen för detta område."}
      />
      <TextField id="name" label="Överenskommelsens namn" value={name} onChange={setName} error={errorOf("name")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id="validFrom" label="Gäller från" type="date" value={validFrom} onChange={setValidFrom} error={errorOf("validFrom")} />
        <TextField id="validTo" label="Gäller till och med" type="date" optional value={validTo} onChange={setValidTo} error={errorOf("validTo")} />
      </div>
      <SelectField
        id="kind"
        label="Modell"
        value={model.kind}
        onChange={(v) => setKind(v as AgreementModelKind)}
        options={AGREEMENT_MODEL_KINDS.map((k) => ({ value: k, label: AGREEMENT_MODEL_LABELS[k] }))}
      />
      {model.kind === "individuell" ? (
        <>
          <DayCountFields
            id="somatik"
            legend="Somatisk vård"
            value={model.somatic}
            onChange={(somatic) => setModel({ ...model, somatic })}
            errorOf={modelError("somatic.")}
          />
          <DayCountFields
            id="psykiatri"
            legend="Sluten psykiatrisk vård"
            value={model.psychiatric}
            onChange={(psychiatric) => setModel({ ...model, psychiatric })}
            errorOf={modelError("psychiatric.")}
          />
        </>
      ) : (
        <>
          <TextField
            id="snitt"
            label="Genomsnitt kommunen får nå utan betalning (dagar, högst en decimal)"
            value={Number.isNaN(model.averageDays) ? "" : String(model.averageDays)}
            onChange={(v) => setModel({ ...model, averageDays: num(v) })}
            error={errorOf("model.averageDays")}
          />
          <TextField
            id="lang"
            label="Vårdtid efter utskrivningsklar som räknas individuellt: mer än (dagar)"
            inputMode="numeric"
            value={Number.isNaN(model.longStay.moreThanDays) ? "" : String(model.longStay.moreThanDays)}
            onChange={(v) => setModel({ ...model, longStay: { ...model.longStay, moreThanDays: num(v) } })}
            error={errorOf("model.longStay.moreThanDays")}
          />
        </>
      )}
      <FieldGroup id="villkor" legend="Förutsättningar för betalningsansvar">
        <Checkbox
          id="villkor-inskrivning"
          label="Kommunen har fått inskrivningsmeddelande"
          checked={model.preconditions.admissionNotice}
          onChange={(v) => setModel({ ...model, preconditions: { ...model.preconditions, admissionNotice: v } })}
        />
        <Checkbox
          id="villkor-utskrivningsklar"
          label="Kommunen har fått meddelande om utskrivningsklar"
          checked={model.preconditions.readyNotice}
          onChange={(v) => setModel({ ...model, preconditions: { ...model.preconditions, readyNotice: v } })}
        />
        <Checkbox
          id="villkor-sip"
          label="Kallelse till SIP har skickats när SIP behövs"
          checked={model.preconditions.sipCallWhenNeeded}
          onChange={(v) => setModel({ ...model, preconditions: { ...model.preconditions, sipCallWhenNeeded: v } })}
        />
      </FieldGroup>
      <SelectField
        id="lpt"
        label="Vård enligt LPT eller LRV"
        value={lpt}
        onChange={(v) =>
          setModel({
            ...model,
            lptLrv:
              (v as LptLrvHandlingKind) === "egen_dagrakning"
                ? { handling: "egen_dagrakning", dayCount: LAW_DEFAULT_MODEL.psychiatric }
                : { handling: v as "som_psykiatri" | "undantagen" },
          })
        }
        options={LPT_LRV_HANDLINGS.map((h) => ({ value: h, label: LPT_LRV_LABELS[h] }))}
      />
      <TextField
        id="belopp"
        label="Eget belopp per vårddygn (kr)"
        optional
        inputMode="numeric"
        hint="Lämna tomt för Socialstyrelsens belopp för varje års dagar."
        value={amount}
        onChange={setAmount}
        error={errorOf("model.amountPerDayKr")}
      />
      <div className="flex gap-3">
        <button type="submit" className={BUTTON_PRIMARY} disabled={save.isPending}>
          Spara ny version
        </button>
        <button type="button" className={BUTTON_SECONDARY} onClick={onCancel}>
          Avbryt
        </button>
      </div>
    </form>
  );
}
