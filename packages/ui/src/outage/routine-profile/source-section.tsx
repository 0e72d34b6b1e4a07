"use client";
import { FieldGroup, TextField } from "../../kit/fields";
import { fid, type SectionProps } from "./draft";

/** "Rutinen": its name and the source document it was written from. */
export function SourceSection({ draft, set, error }: SectionProps) {
  return (
    <>
      <h2 className="mb-2 mt-4 text-xl font-semibold">Rutinen</h2>
      <TextField
        id={fid("name")}
        label="Rutinens namn"
        hint="Visas i bannern och överst i reservpärmen."
        value={draft.name}
        onChange={(v) => set({ name: v })}
        error={error("name")}
      />
      <FieldGroup id={fid("source")} legend="Källdokument">
        <TextField
          id={fid("source.title")}
          label="Källdokumentets titel"
          value={draft.sourceTitle}
          onChange={(v) => set({ sourceTitle: v })}
          error={error("source.title")}
        />
        <TextField
          id={fid("source.decided")}
          label="Beslut"
          optional
          hint="T.ex. vem som beslutat rutinen och när."
          value={draft.sourceDecided}
          onChange={(v) => set({ sourceDecided: v })}
          error={error("source.decided")}
        />
        <TextField
          id={fid("source.version")}
          label="Version"
          optional
          value={draft.sourceVersion}
          onChange={(v) => set({ sourceVersion: v })}
          error={error("source.version")}
          className="mb-1"
        />
      </FieldGroup>
    </>
  );
}
