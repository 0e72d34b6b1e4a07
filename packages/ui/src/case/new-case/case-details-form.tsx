"use client";
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "../../trpc/react";
import { callError, type CallError } from "../../kit/call-error";
import { ErrorNotice } from "../../kit/error-notice";
import { BUTTON_PRIMARY, Checkbox, FieldGroup, Radios, SelectField, TextField } from "../../kit/fields";
import { fromLocalInput, newIdempotencyKey, toLocalInput } from "../../kit/format";
import type { NewCasePreparation } from "../types";
import { CARE_TYPE_LABELS } from "@vardkedjan/domain/case/labels";
import { REGISTER_UNCHECKED_LABEL } from "@vardkedjan/domain/patient/register-labels";
import { CARE_TYPES, type CareType } from "@vardkedjan/domain/case/types";

const NONE = "";

const FIELD_ORDER = ["givenName", "familyName", "postalCode", "ward", "admittedAt", "municipality"] as const;

type Errors = Partial<Record<"ward" | "admittedAt" | "givenName" | "familyName" | "postalCode" | "municipality", string>>;

/** Step 2 of Ny samordning: ward, admission, care type and the parties; then create, once. */
export function CaseDetailsForm({ prep }: { prep: NewCasePreparation }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [wardUnitId, setWard] = useState(prep.options.wards.length === 1 ? prep.options.wards[0]!.id : "");
  const [admittedAt, setAdmitted] = useState(() => toLocalInput(new Date()));
  const [careType, setCareType] = useState<CareType>("somatisk");
  const [lpt, setLpt] = useState(false);
  const [lrv, setLrv] = useState(false);
  const [municipality, setMunicipality] = useState(prep.proposed.municipalityUnitId ?? NONE);
  const [primaryCare, setPrimaryCare] = useState(prep.proposed.primaryCareUnitId ?? NONE);
  const [others, setOthers] = useState<string[]>([]);
  const [givenName, setGivenName] = useState("");
  const [familyName, setFamilyName] = useState("");
  const [streetAddress, setStreetAddress] = useState("");
  const [postalCode, setPostalCode] = useState("");
  const [city, setCity] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<CallError | null>(null);
  // One key per form: a double click, or a retry after a lost answer, creates one case.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const errorRef = useRef<HTMLDivElement>(null);
  const needsName = !prep.person;

  const create = useMutation(trpc.case.create.mutationOptions());

  const submit = () => {
    const admitted = fromLocalInput(admittedAt);
    const next: Errors = {};
    if (!wardUnitId) next.ward = "Välj avdelning";
    if (!admitted) next.admittedAt = "Ange inskrivningstid (datum och klockslag)";
    else if (admitted.getTime() > Date.now() + 5 * 60_000) next.admittedAt = "Inskrivningstiden kan inte ligga i framtiden";
    if (!municipality && !primaryCare)
      next.municipality = "Välj minst en mottagande part: kommun eller vårdcentral. Utan mottagare kan inget inskrivningsmeddelande skickas.";
    if (needsName && !givenName.trim()) next.givenName = "Ange förnamn";
    if (needsName && !familyName.trim()) next.familyName = "Ange efternamn";
    if (needsName && postalCode.trim() && !/^\d{3} ?\d{2}$/.test(postalCode.trim())) next.postalCode = "Postnummer ska vara fem siffror, t.ex. 632 20";
    setErrors(next);
    setFailure(null);
    // Focus the first wrong field in the order they appear on screen.
    const firstBad = FIELD_ORDER.find((f) => next[f]);
    if (firstBad || !admitted) {
      requestAnimationFrame(() => document.getElementById(`ny-${firstBad}`)?.focus());
      return;
    }
    if (create.isPending) return;
    create.mutate(
      {
        identifier: prep.identifier,
        admittedAt: admitted,
        wardUnitId,
        careType,
        lpt: careType === "psykiatrisk" && lpt,
        lrv: careType === "psykiatrisk" && lrv,
        municipalityUnitId: municipality || null,
        primaryCareUnitId: primaryCare || null,
        otherPartyUnitIds: others,
        manualName: needsName ? { givenName: givenName.trim(), familyName: familyName.trim() } : null,
        manualAddress: needsName ? { streetAddress: streetAddress.trim() || null, postalCode: postalCode.trim() || null, city: city.trim() || null } : null,
        idempotencyKey,
      },
      {
        onSuccess: ({ caseId }) => router.push(`/arenden/${caseId}`),
        onError: (e) => {
          setFailure(callError(e));
          requestAnimationFrame(() => errorRef.current?.focus());
        },
      },
    );
  };

  const option = (u: { id: string; name: string; organisationName: string }) => ({
    value: u.id,
    label: u.organisationName && !u.name.includes(u.organisationName) ? `${u.name} (${u.organisationName})` : u.name,
  });

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      className="rounded border border-line bg-white p-4"
      aria-labelledby="arende-rubrik"
    >
      <h2 id="arende-rubrik" className="mb-3 text-lg font-semibold">
        2. Ärendet
      </h2>
      {needsName ? (
        <FieldGroup
          id="ny-manuell"
          legend="Patientens namn och adress (registreras för hand)"
          hint={`Patienten märks "${REGISTER_UNCHECKED_LABEL}" tills folkbokföringen har bekräftat uppgifterna.`}
        >
          <div className="grid gap-x-4 sm:grid-cols-2">
            <TextField id="ny-givenName" label="Förnamn" value={givenName} onChange={setGivenName} error={errors.givenName} autoComplete="off" />
            <TextField id="ny-familyName" label="Efternamn" value={familyName} onChange={setFamilyName} error={errors.familyName} autoComplete="off" />
          </div>
          <TextField id="ny-streetAddress" label="Gatuadress" optional value={streetAddress} onChange={setStreetAddress} />
          <div className="grid gap-x-4 sm:grid-cols-2">
            <TextField
              id="ny-postalCode"
              label="Postnummer"
              optional
              value={postalCode}
              onChange={setPostalCode}
              error={errors.postalCode}
              inputMode="numeric"
            />
            <TextField id="ny-city" label="Postort" optional value={city} onChange={setCity} />
          </div>
        </FieldGroup>
      ) : null}
      <div className="grid gap-x-4 sm:grid-cols-2">
        <SelectField
          id="ny-ward"
          label="Avdelning"
          value={wardUnitId}
          onChange={setWard}
          options={prep.options.wards.map(option)}
          placeholder={prep.options.wards.length === 1 ? undefined : "Välj avdelning"}
          error={errors.ward}
        />
        <TextField
          id="ny-admittedAt"
          type="datetime-local"
          label="Inskriven"
          hint="Datum och klockslag (svensk tid)"
          value={admittedAt}
          onChange={setAdmitted}
          error={errors.admittedAt}
        />
      </div>
      <Radios
        id="ny-careType"
        legend="Vårdform"
        inline
        value={careType}
        onChange={(v) => setCareType(v as CareType)}
        options={CARE_TYPES.map((c) => ({ value: c, label: CARE_TYPE_LABELS[c] }))}
      />
      {careType === "psykiatrisk" ? (
        <FieldGroup id="ny-tvang" legend="Vård enligt tvångslag" optional>
          <Checkbox id="ny-lpt" label="LPT (lag om psykiatrisk tvångsvård)" checked={lpt} onChange={setLpt} />
          <Checkbox id="ny-lrv" label="LRV (lag om rättspsykiatrisk vård)" checked={lrv} onChange={setLrv} />
        </FieldGroup>
      ) : null}

      <h3 className="mb-2 mt-2 font-semibold">Mottagande parter</h3>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <SelectField
          id="ny-municipality"
          label="Kommun"
          hint={prep.proposed.municipalityUnitId ? "Föreslagen utifrån folkbokföringsadressen" : "Ingen kommun kunde föreslås"}
          value={municipality}
          onChange={setMunicipality}
          error={errors.municipality}
          options={[{ value: NONE, label: "Ingen" }, ...prep.options.municipalities.map(option)]}
        />
        <SelectField
          id="ny-primaryCare"
          label="Vårdcentral eller psykiatrisk öppenvård"
          hint={prep.proposed.primaryCareUnitId ? "Föreslagen utifrån listningen" : "Patienten är inte listad hos någon känd vårdcentral"}
          value={primaryCare}
          onChange={setPrimaryCare}
          options={[{ value: NONE, label: "Ingen" }, ...prep.options.primaryCare.map(option)]}
        />
      </div>
      {prep.options.others.length > 0 ? (
        <FieldGroup id="ny-others" legend="Andra parter i kommunen" optional hint="Hemsjukvård och hemtjänst i patientens kommun.">
          {prep.options.others.map((u) => (
            <Checkbox
              key={u.id}
              id={`ny-other-${u.id}`}
              label={u.name}
              checked={others.includes(u.id)}
              onChange={(on) => setOthers((list) => (on ? [...list, u.id] : list.filter((x) => x !== u.id)))}
            />
          ))}
        </FieldGroup>
      ) : null}

      {failure ? (
        <div className="mb-4">
          <ErrorNotice ref={errorRef} error={failure} where="form" showFieldErrors />
        </div>
      ) : null}
      <button type="submit" className={BUTTON_PRIMARY} disabled={create.isPending}>
        {create.isPending ? "Skapar ärendet …" : "Skapa ärende"}
      </button>
      <p className="sr-only" role="status">
        {create.isPending ? "Skapar ärendet" : ""}
      </p>
    </form>
  );
}
