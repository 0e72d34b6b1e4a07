"use client";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../../trpc/react";
import { SelectField, TextField } from "../../../kit/fields";
import { localInputToIso, toLocalInput } from "../../../kit/format";
import { defineKind, isoToLocalInput, str, type KindFieldsProps } from "../spec";

type V = { decidedAt: string; decidedBy: string; decidedByStaffId: string; typed: boolean };

const OTHER = "annan";

/**
 * Utskrivningsklar: a physician's decision; the ward records who decided and when. Starts the
 * payment clock. The physician is picked from the unit's physicians the system knows; one not in
 * the list (a locum, a consultant) is typed in.
 */
export const utskrivningsklarForm = defineKind<V>({
  initial: () => ({ decidedAt: toLocalInput(new Date()), decidedBy: "", decidedByStaffId: "", typed: false }),
  toPayload: (v) => ({
    decidedAt: localInputToIso(v.decidedAt),
    decidedBy: v.decidedBy,
    decidedByStaffId: v.decidedByStaffId || undefined,
  }),
  fromPayload: (p) => ({
    decidedAt: isoToLocalInput(p.decidedAt),
    decidedBy: str(p.decidedBy),
    decidedByStaffId: str(p.decidedByStaffId),
    typed: !p.decidedByStaffId && !!str(p.decidedBy),
  }),
  submitLabel: "Skicka utskrivningsklar",
  Fields: (props) => <PhysicianFields {...props} />,
});

function PhysicianFields({ values, set, error, id, view }: KindFieldsProps<V>) {
  const trpc = useTRPC();
  const physicians = useQuery(trpc.case.physicians.queryOptions({ caseId: view.id }, { staleTime: 60_000 }));
  const options = [
    ...(physicians.data ?? []).map((p) => ({ value: p.staffId, label: p.title ? `${p.name}, ${p.title}` : p.name })),
    { value: OTHER, label: "Annan läkare (skriv namnet)" },
  ];
  const choice = values.decidedByStaffId || (values.typed ? OTHER : "");
  return (
    <>
      <SelectField
        id={id("decidedByStaffId")}
        label="Beslutande läkare"
        hint={physicians.isPending ? "Hämtar läkarna vid din enhet …" : "Läkarna vid din enhet; välj ”Annan läkare” om läkaren inte finns i listan."}
        value={choice}
        onChange={(v) => {
          const picked = physicians.data?.find((p) => p.staffId === v);
          if (picked) set({ decidedByStaffId: picked.staffId, decidedBy: picked.name, typed: false });
          else set({ decidedByStaffId: "", decidedBy: "", typed: v === OTHER });
        }}
        placeholder="Välj läkare"
        options={options}
        error={choice === OTHER ? undefined : (error("decidedBy") ?? error("decidedByStaffId"))}
      />
      {choice === OTHER ? (
        <TextField id={id("decidedBy")} label="Läkarens namn" value={values.decidedBy} onChange={(v) => set({ decidedBy: v })} error={error("decidedBy")} />
      ) : null}
      <TextField
        id={id("decidedAt")}
        type="datetime-local"
        label="Beslutstid"
        hint="Datum och klockslag (svensk tid)"
        value={values.decidedAt}
        onChange={(v) => set({ decidedAt: v })}
        error={error("decidedAt")}
      />
    </>
  );
}
