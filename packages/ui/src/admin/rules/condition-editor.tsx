"use client";
import { ORG_NODE_KIND_LABELS } from "@vardkedjan/domain/identity/context-label";
import { ORG_NODE_KINDS, type OrgNodeKind } from "@vardkedjan/domain/identity/types";
import { BUTTON_SECONDARY, Checkbox, FieldGroup, SelectField, TextArea, TextField } from "../../kit/fields";
import {
  ATTR_OPTIONS,
  CONDITION_OPS,
  controlId,
  emptyCondition,
  GROUP_LABELS,
  GROUPS,
  OP_LABELS,
  type ConditionRow,
  type Group,
  type RuleForm,
  type RuleFormOptions,
} from "./rule-form-model";

type Errors = Record<string, string>;

export function unitOptions(options: RuleFormOptions | undefined) {
  return (options?.units ?? []).map((u) => ({ value: u.hsaId, label: `${"– ".repeat(u.depth)}${u.name} (${u.kindLabel})` }));
}

const KIND_OPTIONS = ORG_NODE_KINDS.map((k) => ({ value: k, label: ORG_NODE_KIND_LABELS[k][0]!.toUpperCase() + ORG_NODE_KIND_LABELS[k].slice(1) }));

/** One condition: its type, then only the fields that type has. */
function ConditionFields({
  path,
  row,
  set,
  errors,
  options,
}: {
  path: string;
  row: ConditionRow;
  set: (r: ConditionRow) => void;
  errors: Errors;
  options?: RuleFormOptions;
}) {
  const p = (field: string) => `${path}.${field}`;
  const field = (f: string) => ({ id: controlId(p(f)), error: errors[p(f)] });
  const patch = (x: Partial<ConditionRow>) => set({ ...row, ...x });
  const isAttr = ["eq", "neq", "in", "notIn", "startsWith", "matches", "exists", "notExists"].includes(row.op);
  return (
    <>
      <SelectField
        {...field("op")}
        label="Typ av villkor"
        value={row.op}
        onChange={(v) => patch({ op: v as ConditionRow["op"] })}
        options={CONDITION_OPS.map((o) => ({ value: o, label: OP_LABELS[o] }))}
      />
      {isAttr ? (
        <SelectField
          {...field("attr")}
          label="Uppgift från inloggningen"
          value={row.attr}
          onChange={(v) => patch({ attr: v as ConditionRow["attr"] })}
          options={ATTR_OPTIONS}
        />
      ) : null}
      {row.op === "eq" || row.op === "neq" || row.op === "startsWith" ? (
        <TextField {...field("value")} label="Värde" value={row.value} onChange={(v) => patch({ value: v })} />
      ) : null}
      {row.op === "in" || row.op === "notIn" ? (
        <TextArea {...field("values")} label="Värden" hint="Ett värde per rad." value={row.valuesText} onChange={(v) => patch({ valuesText: v })} />
      ) : null}
      {row.op === "matches" ? (
        <TextField
          {...field("regex")}
          label="Mönster (reguljärt uttryck)"
          hint="Börja med ^ och sluta med $, t.ex. ^SE2120000357-.*$"
          value={row.regex}
          onChange={(v) => patch({ regex: v })}
        />
      ) : null}
      {row.op === "hasSystemRole" ? (
        <>
          <TextField
            {...field("systemId")}
            label="Systemidentitet"
            hint="Delen före semikolon i systemrollen, t.ex. VK."
            value={row.systemId}
            onChange={(v) => patch({ systemId: v })}
          />
          <TextField
            id={controlId(row.roleIsRegex ? p("role.regex") : p("role"))}
            error={errors[p("role")] ?? errors[p("role.regex")]}
            label={row.roleIsRegex ? "Systemroll (mönster)" : "Systemroll"}
            hint={row.roleIsRegex ? "Börja med ^ och sluta med $, t.ex. ^Hemtjanst-(.+)$" : "Delen efter semikolon, t.ex. MAS."}
            value={row.role}
            onChange={(v) => patch({ role: v })}
          />
          <Checkbox
            id={controlId(p("roleIsRegex"))}
            label="Systemrollen är ett mönster"
            checked={row.roleIsRegex}
            onChange={(v) => patch({ roleIsRegex: v })}
          />
        </>
      ) : null}
      {row.op === "hasRight" ? (
        <>
          <TextField {...field("activity")} label="Aktivitet" hint="T.ex. Läsa." value={row.activity} onChange={(v) => patch({ activity: v })} />
          <TextField
            {...field("informationClass")}
            optional
            label="Informationstyp"
            value={row.informationClass}
            onChange={(v) => patch({ informationClass: v })}
          />
          <TextField {...field("scope")} optional label="Omfång" hint="T.ex. SJF eller VE." value={row.rightScope} onChange={(v) => patch({ rightScope: v })} />
        </>
      ) : null}
      {row.op === "unitUnder" ? (
        <SelectField
          {...field("ancestorHsaId")}
          label="Enhet"
          placeholder="Välj enhet"
          value={row.ancestorHsaId}
          onChange={(v) => patch({ ancestorHsaId: v })}
          options={unitOptions(options)}
        />
      ) : null}
      {row.op === "unitUnderAny" ? (
        <FieldGroup id={controlId(p("ancestorHsaIds"))} legend="Enheter" error={errors[p("ancestorHsaIds")]}>
          {(options?.units ?? []).map((u) => (
            <Checkbox
              key={u.hsaId}
              id={`${controlId(p("ancestorHsaIds"))}-${u.hsaId}`}
              label={`${u.name} (${u.kindLabel})`}
              checked={row.ancestorHsaIds.includes(u.hsaId)}
              onChange={(on) => patch({ ancestorHsaIds: on ? [...row.ancestorHsaIds, u.hsaId] : row.ancestorHsaIds.filter((x) => x !== u.hsaId) })}
            />
          ))}
        </FieldGroup>
      ) : null}
      {row.op === "unitKind" ? (
        <FieldGroup id={controlId(p("kinds"))} legend="Enhetstyper" error={errors[p("kinds")]}>
          {KIND_OPTIONS.map((k) => (
            <Checkbox
              key={k.value}
              id={`${controlId(p("kinds"))}-${k.value}`}
              label={k.label}
              checked={row.kinds.includes(k.value)}
              onChange={(on) => patch({ kinds: on ? [...row.kinds, k.value] : row.kinds.filter((x: OrgNodeKind) => x !== k.value) })}
            />
          ))}
        </FieldGroup>
      ) : null}
    </>
  );
}

/** The rule's conditions in three groups (all / any / none), each row removable, with "Lägg till villkor". */
export function ConditionEditor({
  form,
  set,
  errors,
  options,
}: {
  form: RuleForm;
  set: (when: RuleForm["when"]) => void;
  errors: Errors;
  options?: RuleFormOptions;
}) {
  const update = (g: Group, rows: ConditionRow[]) => set({ ...form.when, [g]: rows });
  return (
    <FieldGroup
      id={controlId("when")}
      legend="Villkor: vem regeln gäller"
      error={errors["when"]}
      hint="Villkoren prövas mot uppgifterna från inloggningen (SITHS/HSA)."
    >
      {GROUPS.map((g) => (
        <fieldset key={g} id={controlId(`when.${g}`)} tabIndex={-1} className="mb-4 rounded border border-line p-3">
          <legend className="px-1 font-medium">{GROUP_LABELS[g]}</legend>
          {form.when[g].length === 0 ? <p className="text-sm text-muted">Inga villkor.</p> : null}
          <ol className="grid gap-3">
            {form.when[g].map((row, i) => (
              <li key={i}>
                <fieldset
                  id={controlId(`when.${g}.${i}`)}
                  tabIndex={-1}
                  className="rounded border border-line bg-white p-3"
                  aria-describedby={errors[`when.${g}.${i}`] ? `${controlId(`when.${g}.${i}`)}-fel` : undefined}
                >
                  <legend className="px-1 text-sm font-medium">Villkor {i + 1}</legend>
                  {errors[`when.${g}.${i}`] ? (
                    <p id={`${controlId(`when.${g}.${i}`)}-fel`} className="mb-2 text-sm font-medium text-danger">
                      <span aria-hidden="true">⚠ </span>
                      {errors[`when.${g}.${i}`]}
                    </p>
                  ) : null}
                  <ConditionFields
                    path={`when.${g}.${i}`}
                    row={row}
                    set={(r) =>
                      update(
                        g,
                        form.when[g].map((x, j) => (j === i ? r : x)),
                      )
                    }
                    errors={errors}
                    options={options}
                  />
                  <button
                    type="button"
                    className={BUTTON_SECONDARY}
                    onClick={() =>
                      update(
                        g,
                        form.when[g].filter((_, j) => j !== i),
                      )
                    }
                  >
                    Ta bort villkor {i + 1}
                  </button>
                </fieldset>
              </li>
            ))}
          </ol>
          <button type="button" className={`${BUTTON_SECONDARY} mt-2`} onClick={() => update(g, [...form.when[g], emptyCondition()])}>
            Lägg till villkor<span className="sr-only">: {GROUP_LABELS[g].toLowerCase()}</span>
          </button>
        </fieldset>
      ))}
    </FieldGroup>
  );
}
