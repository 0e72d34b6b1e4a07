"use client";
import type { PartyRole } from "@vardkedjan/domain/case/types";
import { Radios, SelectField, TextField } from "../../kit/fields";
import { ROLE_OPTIONS, fid, rowId, type SectionProps } from "./draft";
import { ListItem, RowList } from "./row-list";

const UNIT_OPTIONS = [
  { value: "hours", label: "timmar" },
  { value: "days", label: "dagar" },
];

/** The calls to the patient after the discharge, shown in the checklist of the party that calls. */
export function FollowUpCallsSection({ draft, setRow, addRow, removeRow, error }: SectionProps) {
  return (
    <RowList
      list="followUpCalls"
      legend="Uppföljande samtal till patienten efter utskrivningen"
      hint="Visas i checklistan för den part som ringer."
      count={draft.followUpCalls.length}
      emptyText="Inga uppföljande samtal."
      addLabel="Lägg till uppföljande samtal"
      onAdd={() => addRow("followUpCalls", { rowId: rowId(), role: "", amount: "", unit: "hours", text: "" }, "role")}
      error={error}
    >
      {draft.followUpCalls.map((f, i) => (
        <ListItem
          key={f.rowId}
          id={fid(`followUpCalls.${i}`)}
          legend={`Uppföljande samtal ${i + 1}`}
          onRemove={() => removeRow("followUpCalls", i)}
          removeLabel={`Ta bort uppföljande samtal ${i + 1}`}
        >
          <SelectField
            id={fid(`followUpCalls.${i}.role`)}
            label="Vem ringer"
            value={f.role}
            onChange={(v) => setRow("followUpCalls", i, { role: v as PartyRole })}
            options={ROLE_OPTIONS}
            placeholder="Välj part"
            error={error(`followUpCalls.${i}.role`)}
          />
          <div className="flex flex-wrap items-start gap-x-4">
            <TextField
              id={fid(`followUpCalls.${i}.within`)}
              label="Inom"
              inputMode="numeric"
              value={f.amount}
              onChange={(v) => setRow("followUpCalls", i, { amount: v })}
              error={error(`followUpCalls.${i}.within`)}
              className="mb-4 w-32"
            />
            <Radios
              id={fid(`followUpCalls.${i}.unit`)}
              legend="Enhet"
              value={f.unit}
              onChange={(v) => setRow("followUpCalls", i, { unit: v === "days" ? "days" : "hours" })}
              options={UNIT_OPTIONS}
              inline
            />
          </div>
          <TextField
            id={fid(`followUpCalls.${i}.text`)}
            label="Text i checklistan"
            hint="T.ex. Ring upp patienten inom 48 timmar efter utskrivningen."
            value={f.text}
            onChange={(v) => setRow("followUpCalls", i, { text: v })}
            error={error(`followUpCalls.${i}.text`)}
          />
        </ListItem>
      ))}
    </RowList>
  );
}
