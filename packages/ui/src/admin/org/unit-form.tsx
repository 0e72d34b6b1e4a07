"use client";
import { useEffect, useRef, useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { UNIT_KINDS } from "@vardkedjan/domain/identity/types";
import { UNIT_KIND_LABELS, validateUnitAttributes, type UnitAttributes } from "@vardkedjan/domain/org/unit-fields";
import { useQueryClient, useTRPC } from "../../trpc/react";
import { BUTTON_PRIMARY, BUTTON_SECONDARY, SelectField, TextField } from "../../kit/fields";
import { ErrorSummary } from "../../kit/error-summary";
import { ErrorNotice } from "../../kit/error-notice";
import { useCallFailure } from "../../kit/use-call-failure";
import type { FieldError } from "../../kit/call-error";
import type { AdminUnit, OrganisationUnits } from "./types";

type Draft = { [K in keyof UnitAttributes]: string } & { hsaId: string; kind: string; parentId: string };

const PREFIX = "enhet";

function draftOf(unit: AdminUnit | null, parentId: string | null): Draft {
  return {
    hsaId: unit?.hsaId ?? "",
    kind: unit?.kind ?? "",
    parentId: unit?.parentId ?? parentId ?? "",
    name: unit?.name ?? "",
    phone: unit?.phone ?? "",
    switchboard: unit?.switchboard ?? "",
    openingHours: unit?.openingHours ?? "",
    functionMailbox: unit?.functionMailbox ?? "",
    streetAddress: unit?.streetAddress ?? "",
    postalCode: unit?.postalCode ?? "",
    city: unit?.city ?? "",
  };
}

const attributesOf = (d: Draft): UnitAttributes => ({
  name: d.name,
  phone: d.phone || null,
  switchboard: d.switchboard || null,
  openingHours: d.openingHours || null,
  functionMailbox: d.functionMailbox || null,
  streetAddress: d.streetAddress || null,
  postalCode: d.postalCode || null,
  city: d.city || null,
});

/**
 * Edit a unit's local attributes, or add a unit (HSA-id, kind and parent too). Checked field by
 * field in the browser with the domain's rules, again by the server; errors are listed at the top
 * with links to their fields.
 */
export function UnitForm({
  data,
  unit,
  onClose,
  onSaved,
}: {
  data: OrganisationUnits;
  /** Null to add a unit. */
  unit: AdminUnit | null;
  onClose: () => void;
  onSaved: (text: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.admin.org.updateUnit.mutationOptions());
  const add = useMutation(trpc.admin.org.addUnit.mutationOptions());
  const [d, setD] = useState<Draft>(() => draftOf(unit, null));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const { failure, setFailure, failureRef, fail } = useCallFailure();
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));
  const errorOf = (path: string) => errors.find((e) => e.path === path)?.message;
  const pending = update.isPending || add.isPending;

  // The summary exists only once the errors are rendered: focus it then (each new list of errors).
  useEffect(() => {
    if (errors.length > 0) summaryRef.current?.focus();
  }, [errors]);
  const showErrors = (list: FieldError[]) => setErrors(list);
  const onError = (e: unknown) => {
    const fields = (e as { data?: { fieldErrors?: FieldError[] } }).data?.fieldErrors;
    if (fields?.length) showErrors(fields.map((f) => ({ path: f.path.replace(/^attributes\./, ""), message: f.message })));
    fail(e);
  };

  const submit = () => {
    if (pending) return;
    setFailure(null);
    const list: FieldError[] = validateUnitAttributes(attributesOf(d));
    if (!unit) {
      if (!d.hsaId.trim()) list.unshift({ path: "hsaId", message: "Ange enhetens HSA-id" });
      if (!d.kind) list.splice(1, 0, { path: "kind", message: "Välj enhetstyp" });
    }
    if (list.length > 0) return showErrors(list);
    setErrors([]);
    const done = (text: string) => {
      void queryClient.invalidateQueries(trpc.admin.pathFilter());
      void queryClient.invalidateQueries(trpc.contacts.pathFilter());
      onSaved(text);
    };
    if (unit)
      update.mutate(
        { unitId: unit.id, version: unit.version, attributes: attributesOf(d) },
        {
          onSuccess: (r) =>
            done(
              `${d.name.trim()} är sparad (version ${r.version}).${r.contactEntriesChanged ? ` Kontaktlistan har uppdaterats (${r.contactEntriesChanged} ${r.contactEntriesChanged === 1 ? "post" : "poster"}).` : ""}`,
            ),
          onError,
        },
      );
    else
      add.mutate(
        {
          organisationId: data.organisation.id,
          hsaId: d.hsaId.trim(),
          kind: d.kind as AdminUnit["kind"],
          parentId: d.parentId || null,
          attributes: attributesOf(d),
        },
        { onSuccess: () => done(`${d.name.trim()} är tillagd.`), onError },
      );
  };

  const parents = data.units.filter((u) => u.active && u.id !== unit?.id).map((u) => ({ value: u.id, label: `${"– ".repeat(u.level - 1)}${u.name}` }));
  return (
    <form
      noValidate
      aria-label={unit ? `Ändra ${unit.name}` : "Lägg till enhet"}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
      }}
    >
      {errors.length > 0 ? <ErrorSummary ref={summaryRef} errors={errors} prefix={PREFIX} /> : null}
      {unit ? (
        <p className="mb-3 text-muted">
          HSA-id {unit.hsaId} · {UNIT_KIND_LABELS[unit.kind]} · version {unit.version}. HSA-id och enhetstyp ändras genom inläsning från HSA-katalogen.
        </p>
      ) : (
        <>
          <TextField
            id={`${PREFIX}-hsaId`}
            label="HSA-id"
            hint={`T.ex. ${data.organisation.hsaId.split("-")[0]}-ABC1`}
            value={d.hsaId}
            onChange={(v) => set({ hsaId: v })}
            error={errorOf("hsaId")}
          />
          <SelectField
            id={`${PREFIX}-kind`}
            label="Enhetstyp"
            value={d.kind}
            onChange={(v) => set({ kind: v })}
            options={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }))}
            placeholder="Välj enhetstyp"
            error={errorOf("kind")}
          />
          <SelectField
            id={`${PREFIX}-parentId`}
            label="Överordnad enhet"
            optional
            value={d.parentId}
            onChange={(v) => set({ parentId: v })}
            options={parents}
            placeholder={`Direkt under ${data.organisation.name}`}
            error={errorOf("parentId")}
          />
        </>
      )}
      <TextField id={`${PREFIX}-name`} label="Namn" value={d.name} onChange={(v) => set({ name: v })} error={errorOf("name")} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField
          id={`${PREFIX}-phone`}
          label="Telefon"
          optional
          inputMode="text"
          hint="T.ex. 016-710 10 00"
          value={d.phone}
          onChange={(v) => set({ phone: v })}
          error={errorOf("phone")}
        />
        <TextField
          id={`${PREFIX}-switchboard`}
          label="Växel"
          optional
          value={d.switchboard}
          onChange={(v) => set({ switchboard: v })}
          error={errorOf("switchboard")}
        />
      </div>
      <TextField
        id={`${PREFIX}-openingHours`}
        label="Öppettider"
        optional
        hint="T.ex. vardagar 08.00–16.30, dygnet runt."
        value={d.openingHours}
        onChange={(v) => set({ openingHours: v })}
        error={errorOf("openingHours")}
      />
      <TextField
        id={`${PREFIX}-functionMailbox`}
        label="Funktionsbrevlåda"
        optional
        value={d.functionMailbox}
        onChange={(v) => set({ functionMailbox: v })}
        error={errorOf("functionMailbox")}
      />
      <TextField
        id={`${PREFIX}-streetAddress`}
        label="Gatuadress"
        optional
        value={d.streetAddress}
        onChange={(v) => set({ streetAddress: v })}
        error={errorOf("streetAddress")}
      />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField
          id={`${PREFIX}-postalCode`}
          label="Postnummer"
          optional
          value={d.postalCode}
          onChange={(v) => set({ postalCode: v })}
          error={errorOf("postalCode")}
        />
        <TextField id={`${PREFIX}-city`} label="Ort" optional value={d.city} onChange={(v) => set({ city: v })} error={errorOf("city")} />
      </div>
      {failure ? (
        <div className="mb-3">
          <ErrorNotice ref={failureRef} error={failure} where="form" />
        </div>
      ) : null}
      <div className="flex gap-3">
        <button type="submit" className={BUTTON_PRIMARY} disabled={pending}>
          {unit ? "Spara" : "Lägg till enheten"}
        </button>
        <button type="button" className={BUTTON_SECONDARY} onClick={onClose}>
          Avbryt
        </button>
      </div>
    </form>
  );
}
