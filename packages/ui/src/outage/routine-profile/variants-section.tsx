"use client";
import { OUTAGE_SYSTEMS, OUTAGE_SYSTEM_LABELS, PHONE_STEPS, PHONE_STEP_LABELS } from "@vardkedjan/domain/outage/types";
import { Checkbox, FieldGroup, TextArea, TextField } from "../../kit/fields";
import { emptyNotes, fid, rowId, type SectionProps } from "./draft";
import { ListItem, RowList } from "./row-list";

/** The kinds of outage: what differs with the system that is down (instructions, notes per step). */
export function VariantsSection({ draft, setRow, addRow, removeRow, error }: SectionProps) {
  return (
    <RowList
      list="variants"
      legend="Slag av driftstörning"
      hint="Vad som skiljer sig beroende på vilket system som inte fungerar. Ett system kan bara ingå i ett slag."
      count={draft.variants.length}
      emptyText="Inga slag av driftstörning: samma rutin gäller för alla system."
      addLabel="Lägg till slag av driftstörning"
      onAdd={() => addRow("variants", { rowId: rowId(), key: "", name: "", systems: [], instructions: "", stepNotes: emptyNotes() }, "name")}
      error={error}
    >
      {draft.variants.map((v, i) => (
        <ListItem
          key={v.rowId}
          id={fid(`variants.${i}`)}
          legend={`Slag av driftstörning ${i + 1}`}
          onRemove={() => removeRow("variants", i)}
          removeLabel={`Ta bort slag av driftstörning ${i + 1}`}
        >
          <TextField
            id={fid(`variants.${i}.name`)}
            label="Namn"
            hint="T.ex. Journalsystemet fungerar inte."
            value={v.name}
            onChange={(x) => setRow("variants", i, { name: x })}
            error={error(`variants.${i}.name`)}
          />
          <FieldGroup id={fid(`variants.${i}.systems`)} legend="Gäller när detta inte fungerar" error={error(`variants.${i}.systems`)}>
            {OUTAGE_SYSTEMS.map((s) => (
              <Checkbox
                key={s}
                id={fid(`variants.${i}.systems.${s}`)}
                label={OUTAGE_SYSTEM_LABELS[s]}
                checked={v.systems.includes(s)}
                onChange={(on) =>
                  setRow("variants", i, { systems: on ? OUTAGE_SYSTEMS.filter((x) => x === s || v.systems.includes(x)) : v.systems.filter((x) => x !== s) })
                }
              />
            ))}
          </FieldGroup>
          <TextArea
            id={fid(`variants.${i}.instructions`)}
            label="Instruktioner"
            hint="En instruktion per rad. Visas med bannern och i reservpärmen."
            rows={5}
            value={v.instructions}
            onChange={(x) => setRow("variants", i, { instructions: x })}
            error={error(`variants.${i}.instructions`)}
          />
          <FieldGroup
            id={fid(`variants.${i}.stepNotes`)}
            legend="Anvisningar per moment"
            optional
            hint="Visas i ”Vem ska jag ringa” för momentet. Lämna tomt där rutinen inte säger något särskilt."
          >
            {PHONE_STEPS.map((s) => (
              <TextArea
                key={s}
                id={fid(`variants.${i}.stepNotes.${s}`)}
                label={PHONE_STEP_LABELS[s]}
                optional
                rows={2}
                value={v.stepNotes[s]}
                onChange={(x) => setRow("variants", i, { stepNotes: { ...v.stepNotes, [s]: x } })}
                error={error(`variants.${i}.stepNotes.${s}`)}
              />
            ))}
          </FieldGroup>
        </ListItem>
      ))}
    </RowList>
  );
}
