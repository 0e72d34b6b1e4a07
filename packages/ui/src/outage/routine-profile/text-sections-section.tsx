"use client";
import { BUTTON_SECONDARY, TextArea, TextField } from "../../kit/fields";
import { fid, rowId, type SectionProps } from "./draft";
import { ListItem, RowList } from "./row-list";

/** "Rutinens text": the sections of the backup kit, in order, each movable up and down. */
export function TextSectionsSection({ draft, set, setRow, addRow, removeRow, focusSoon, error }: SectionProps) {
  /** Swaps section i with its neighbour and keeps focus on the same button, which moved with it. */
  const move = (i: number, to: number, button: "up" | "down") => {
    const s = draft.sections[i]!;
    set({ sections: draft.sections.map((x, j) => (j === to ? s : j === i ? draft.sections[to]! : x)) });
    focusSoon(fid(`sections.${to}.${button}`));
  };
  return (
    <>
      <h2 className="mb-2 mt-6 text-xl font-semibold">Rutinens text</h2>
      <RowList
        list="sections"
        legend="Avsnitt i reservpärmen"
        hint="Skilj stycken åt med en tom rad. Rader som börjar med ”- ” blir en punktlista och rader som börjar med ”1. ” en numrerad lista."
        count={draft.sections.length}
        addLabel="Lägg till avsnitt"
        onAdd={() => addRow("sections", { rowId: rowId(), heading: "", text: "" }, "heading")}
        error={error}
      >
        {draft.sections.map((s, i) => (
          <ListItem
            key={s.rowId}
            id={fid(`sections.${i}`)}
            legend={`Avsnitt ${i + 1}${s.heading.trim() ? `: ${s.heading.trim()}` : ""}`}
            onRemove={() => removeRow("sections", i)}
            removeLabel={`Ta bort avsnitt ${i + 1}`}
            extra={
              <>
                <button type="button" id={fid(`sections.${i}.up`)} className={BUTTON_SECONDARY} disabled={i === 0} onClick={() => move(i, i - 1, "up")}>
                  Flytta upp<span className="sr-only"> avsnitt {i + 1}</span>
                </button>
                <button
                  type="button"
                  id={fid(`sections.${i}.down`)}
                  className={BUTTON_SECONDARY}
                  disabled={i === draft.sections.length - 1}
                  onClick={() => move(i, i + 1, "down")}
                >
                  Flytta ned<span className="sr-only"> avsnitt {i + 1}</span>
                </button>
              </>
            }
          >
            <TextField
              id={fid(`sections.${i}.heading`)}
              label="Rubrik"
              value={s.heading}
              onChange={(v) => setRow("sections", i, { heading: v })}
              error={error(`sections.${i}.heading`)}
            />
            <TextArea
              id={fid(`sections.${i}.text`)}
              label="Text"
              rows={Math.min(16, Math.max(4, s.text.split("\n").length + 1))}
              value={s.text}
              onChange={(v) => setRow("sections", i, { text: v })}
              error={error(`sections.${i}.text`)}
            />
          </ListItem>
        ))}
      </RowList>
    </>
  );
}
