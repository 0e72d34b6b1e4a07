"use client";
import type { PartyRole } from "@vardkedjan/domain/case/types";
import type { ManualCheck } from "@vardkedjan/domain/outage/profile-schema";
import { SelectField, TextField } from "../../kit/fields";
import { ROLE_OPTIONS, WHEN_OPTIONS, fid, rowId, type SectionProps } from "./draft";
import { ListItem, RowList } from "./row-list";

/** The points of the routine the user ticks off (nothing in the system shows they are done). */
export function ChecklistSection({ draft, setRow, addRow, removeRow, error }: SectionProps) {
  return (
    <RowList
      list="manualChecklist"
      legend="Punkter att bocka av"
      hint="Punkter i rutinen som användaren bockar av själv (inget i systemet visar att de är gjorda)."
      count={draft.manualChecklist.length}
      emptyText="Inga punkter."
      addLabel="Lägg till punkt"
      onAdd={() => addRow("manualChecklist", { rowId: rowId(), key: "", text: "", role: "", when: "" }, "text")}
      error={error}
    >
      {draft.manualChecklist.map((c, i) => (
        <ListItem
          key={c.rowId}
          id={fid(`manualChecklist.${i}`)}
          legend={`Punkt ${i + 1}`}
          onRemove={() => removeRow("manualChecklist", i)}
          removeLabel={`Ta bort punkt ${i + 1}`}
        >
          <TextField
            id={fid(`manualChecklist.${i}.text`)}
            label="Text"
            hint="Skriv som en uppmaning, t.ex. Skicka med läkemedelslistan i förslutet kuvert."
            value={c.text}
            onChange={(v) => setRow("manualChecklist", i, { text: v })}
            error={error(`manualChecklist.${i}.text`)}
          />
          <div className="grid gap-x-4 sm:grid-cols-2">
            <SelectField
              id={fid(`manualChecklist.${i}.role`)}
              label="Ansvarig part"
              value={c.role}
              onChange={(v) => setRow("manualChecklist", i, { role: v as PartyRole })}
              options={ROLE_OPTIONS}
              placeholder="Välj part"
              error={error(`manualChecklist.${i}.role`)}
            />
            <SelectField
              id={fid(`manualChecklist.${i}.when`)}
              label="När"
              value={c.when}
              onChange={(v) => setRow("manualChecklist", i, { when: v as ManualCheck["when"] })}
              options={WHEN_OPTIONS}
              placeholder="Välj när"
              error={error(`manualChecklist.${i}.when`)}
            />
          </div>
        </ListItem>
      ))}
    </RowList>
  );
}
