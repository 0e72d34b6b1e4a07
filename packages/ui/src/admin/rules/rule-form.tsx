"use client";
import { useEffect, useRef, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { ORG_NODE_KIND_LABELS, PORTAL_LABELS } from "@vardkedjan/domain/identity/context-label";
import { ORG_NODE_KINDS, PORTALS, type Portal } from "@vardkedjan/domain/identity/types";
import { useTRPC, useTRPCClient } from "../../trpc/react";
import { BUTTON_PRIMARY, BUTTON_SECONDARY, Checkbox, FieldGroup, Radios, SelectField, TextField } from "../../kit/fields";
import { ErrorSummary } from "../../kit/error-summary";
import { ErrorNotice } from "../../kit/error-notice";
import { callError, type CallError, type FieldError } from "../../kit/call-error";
import { ConditionEditor, unitOptions } from "./condition-editor";
import { PersonPicker, type PickedPerson } from "./person-picker";
import { BeforeAfterView } from "./simulation-view";
import {
  controlId,
  formErrorPath,
  FORM_PREFIX,
  SCOPE_LABELS,
  toDraft,
  type RuleForm,
  type SaveResult,
  type ScopeType,
  type SimulationResult,
} from "./rule-form-model";

const SCOPES: ScopeType[] = ["commissionUnit", "commissionAncestor", "commissionProvider", "org", "systemRoleUnit"];

/**
 * Create or edit a rule: field-level Swedish errors from the server's validation (the same the
 * login's rules pass) with an error summary on top, and "Testa ändringen" to see before/after
 * for a person without saving.
 */
export function RuleFormView({
  initial,
  ruleId,
  expectedVersion,
  onSaved,
  onCancel,
}: {
  initial: RuleForm;
  ruleId?: string;
  expectedVersion?: number;
  onSaved: (r: SaveResult) => void;
  onCancel?: () => void;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const options = useQuery(trpc.admin.rules.options.queryOptions(undefined, { staleTime: 5 * 60_000 })).data;
  const [form, setForm] = useState<RuleForm>(initial);
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<CallError | null>(null);
  const [busy, setBusy] = useState(false);
  const [person, setPerson] = useState<PickedPerson | null>(null);
  const [comparison, setComparison] = useState<SimulationResult | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  // Focus moves to what went wrong once it is on screen (after React has rendered it).
  const [focusTarget, setFocusTarget] = useState<{ to: "summary" | "failure"; n: number } | null>(null);
  useEffect(() => {
    if (focusTarget) (focusTarget.to === "summary" ? summaryRef : failureRef).current?.focus();
  }, [focusTarget]);
  const set = (patch: Partial<RuleForm>) => setForm((f) => ({ ...f, ...patch }));
  const errors: Record<string, string> = {};
  for (const e of fieldErrors) errors[formErrorPath(e.path)] ??= e.message;

  const fail = (e: unknown) => {
    const err = callError(e);
    if (err.fieldErrors.length > 0) {
      setFieldErrors(err.fieldErrors.map((f) => ({ ...f, path: formErrorPath(f.path) })));
      setFailure(null);
      setFocusTarget((f) => ({ to: "summary", n: (f?.n ?? 0) + 1 }));
    } else {
      setFailure(err);
      setFocusTarget((f) => ({ to: "failure", n: (f?.n ?? 0) + 1 }));
    }
  };

  const save = async () => {
    setBusy(true);
    setFieldErrors([]);
    setFailure(null);
    try {
      const draft = toDraft(form);
      const result =
        ruleId !== undefined && expectedVersion !== undefined
          ? await client.admin.rules.update.mutate({ id: ruleId, expectedVersion, rule: draft })
          : await client.admin.rules.create.mutate({ rule: draft });
      onSaved(result);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const compare = async () => {
    if (!person) return;
    setBusy(true);
    setFieldErrors([]);
    setFailure(null);
    try {
      setComparison(await client.admin.rules.simulate.query({ staffId: person.staffId, draft: { ...(ruleId ? { id: ruleId } : {}), rule: toDraft(form) } }));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const field = (path: string) => ({ id: controlId(path), error: errors[path] });
  const portalToggle = (p: Portal, on: boolean) => set({ denyPortals: on ? [...form.denyPortals, p] : form.denyPortals.filter((x) => x !== p) });

  return (
    <form
      noValidate
      aria-label={ruleId ? "Ändra regeln" : "Ny regel"}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {fieldErrors.length > 0 ? <ErrorSummary ref={summaryRef} errors={fieldErrors} prefix={FORM_PREFIX} /> : null}
      {failure ? (
        <div className="mb-4">
          <ErrorNotice ref={failureRef} error={failure} where="form" />
        </div>
      ) : null}
      <TextField
        {...field("description")}
        label="Beskrivning"
        hint="Vem regeln gäller och vad den ger, med egna ord."
        value={form.description}
        onChange={(v) => set({ description: v })}
      />
      <Radios
        {...field("effect")}
        legend="Effekt"
        inline
        value={form.effect}
        onChange={(v) => set({ effect: v as RuleForm["effect"] })}
        options={[
          { value: "allow", label: "Ger behörighet" },
          { value: "deny", label: "Nekar behörighet (går före regler som ger)" },
        ]}
      />
      <Radios
        {...field("level")}
        legend="Nivå"
        inline
        value={form.level}
        onChange={(v) => set({ level: v as RuleForm["level"] })}
        options={[
          { value: "commission", label: "Prövas för varje medarbetaruppdrag" },
          { value: "person", label: "Prövas för personen (utan uppdrag)" },
        ]}
      />
      <TextField
        {...field("priority")}
        label="Prioritet"
        hint="Lägre tal prövas först. Påverkar bara ordningen."
        inputMode="numeric"
        value={form.priority}
        onChange={(v) => set({ priority: v })}
      />
      <ConditionEditor form={form} set={(when) => set({ when })} errors={errors} options={options} />
      {form.effect === "allow" ? (
        <FieldGroup id={controlId("grant")} legend="Behörighet som ges" error={errors["grant"]}>
          <SelectField
            {...field("grant.role")}
            label="Roll"
            placeholder="Välj roll"
            value={form.role}
            onChange={(v) => set({ role: v as RuleForm["role"] })}
            options={(options?.roles ?? []).map((r) => ({ value: r.value, label: `${r.label} (${r.portalLabel})` }))}
          />
          <SelectField
            id={controlId("grant.scope.type")}
            error={errors["grant.scope.type"] ?? errors["grant.scope"]}
            label="Omfång"
            value={form.scopeType}
            onChange={(v) => set({ scopeType: v as ScopeType })}
            options={SCOPES.map((s) => ({ value: s, label: SCOPE_LABELS[s] }))}
          />
          {form.scopeType === "org" ? (
            <SelectField
              {...field("grant.scope.orgHsaId")}
              label="Enhet"
              placeholder="Välj enhet"
              value={form.orgHsaId}
              onChange={(v) => set({ orgHsaId: v })}
              options={unitOptions(options)}
            />
          ) : null}
          {form.scopeType === "commissionAncestor" ? (
            <SelectField
              {...field("grant.scope.kind")}
              label="Typ av enhet"
              placeholder="Välj typ"
              value={form.ancestorKind}
              onChange={(v) => set({ ancestorKind: v as RuleForm["ancestorKind"] })}
              options={ORG_NODE_KINDS.map((k) => ({ value: k, label: ORG_NODE_KIND_LABELS[k] }))}
            />
          ) : null}
          {form.scopeType === "systemRoleUnit" ? (
            <TextField
              {...field("grant.scope.regex")}
              label="Mönster för systemrollen"
              hint="Den fångande gruppen ( … ) anger enhetens HSA-id, t.ex. ^VK;Hemtjanst-(.+)$"
              value={form.scopeRegex}
              onChange={(v) => set({ scopeRegex: v })}
            />
          ) : null}
          {form.scopeType !== "commissionProvider" ? (
            <Checkbox
              id={controlId("grant.scope.includeDescendants")}
              label="Även enheterna under"
              checked={form.includeDescendants}
              onChange={(v) => set({ includeDescendants: v })}
            />
          ) : null}
        </FieldGroup>
      ) : (
        <FieldGroup id={controlId("denyPortals")} legend="Portaler som nekas" error={errors["denyPortals"]} hint="Ingen vald: alla portaler nekas.">
          {PORTALS.map((p) => (
            <Checkbox
              key={p}
              id={`${controlId("denyPortals")}-${p}`}
              label={PORTAL_LABELS[p]}
              checked={form.denyPortals.includes(p)}
              onChange={(on) => portalToggle(p, on)}
            />
          ))}
        </FieldGroup>
      )}
      <FieldGroup
        id={controlId("requireLoa")}
        legend="Krav på tillitsnivå"
        optional
        error={errors["requireLoa"] ?? errors["requireLoa.0"]}
        hint="Ingen vald: alla tillitsnivåer godtas."
      >
        {(options?.loas ?? []).map((l) => (
          <Checkbox
            key={l.value}
            id={`${controlId("requireLoa")}-${l.label.replace(/\D/g, "")}`}
            label={l.label[0]!.toUpperCase() + l.label.slice(1)}
            checked={form.requireLoa.includes(l.value)}
            onChange={(on) => set({ requireLoa: on ? [...form.requireLoa, l.value] : form.requireLoa.filter((x) => x !== l.value) })}
          />
        ))}
      </FieldGroup>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField {...field("validFrom")} type="date" optional label="Gäller från" value={form.validFrom} onChange={(v) => set({ validFrom: v })} />
        <TextField {...field("validTo")} type="date" optional label="Gäller till och med" value={form.validTo} onChange={(v) => set({ validTo: v })} />
      </div>

      <section aria-labelledby="testa-andringen" className="mb-4 rounded border border-line bg-white p-3">
        <h2 id="testa-andringen" className="mb-2 text-lg font-semibold">
          Testa ändringen innan du sparar
        </h2>
        <PersonPicker id="regel-person" value={person} onChange={setPerson} />
        <button type="button" className={BUTTON_SECONDARY} disabled={!person || busy} onClick={() => void compare()}>
          Visa före och efter
        </button>
        {comparison ? (
          <div className="mt-4">
            <BeforeAfterView result={comparison} />
          </div>
        ) : null}
      </section>

      <div className="flex gap-3">
        <button type="submit" className={BUTTON_PRIMARY} disabled={busy}>
          Spara regeln
        </button>
        {onCancel ? (
          <button type="button" className={BUTTON_SECONDARY} onClick={onCancel}>
            Avbryt
          </button>
        ) : null}
      </div>
    </form>
  );
}
