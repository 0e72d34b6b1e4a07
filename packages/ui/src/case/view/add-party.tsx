"use client";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../trpc/react";
import { SelectField, BUTTON_SECONDARY } from "../../kit/fields";
import { callError, type CallError } from "../../kit/call-error";
import { ErrorNotice } from "../../kit/error-notice";

const KIND_LABELS: Record<string, string> = {
  bistandsenhet: "Biståndsenhet",
  vardcentral: "Vårdcentral",
  psykiatrisk_oppenvard: "Psykiatrisk öppenvård",
  hemsjukvard: "Hemsjukvård",
  hemtjanstgrupp: "Hemtjänst",
};

/** "Lägg till part": the ward adds a receiving unit to the case (e.g. psychiatric outpatient care). */
export function AddParty({ caseId, existing }: { caseId: string; existing: string[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [unitId, setUnitId] = useState("");
  const [error, setError] = useState<CallError | null>(null);
  const [done, setDone] = useState("");
  const options = useQuery({ ...trpc.case.partyOptions.queryOptions({ caseId }), enabled: open });
  const add = useMutation(
    trpc.case.addParty.mutationOptions({
      onSuccess: async () => {
        const name = options.data?.find((o) => o.id === unitId)?.name ?? "";
        setDone(`${name} är tillagd som part. Skicka inskrivningsmeddelandet till den nya parten.`);
        setUnitId("");
        setOpen(false);
        await queryClient.invalidateQueries();
      },
      onError: (e) => setError(callError(e)),
    }),
  );
  const choices = (options.data ?? []).filter((o) => !existing.includes(o.id));
  return (
    <div className="mt-3">
      <p role="status" aria-live="polite" className={done ? "mb-2 text-ok" : "sr-only"}>
        {done}
      </p>
      {open ? (
        <form
          className="rounded border border-line bg-white p-3"
          onSubmit={(e) => {
            e.preventDefault();
            setError(null);
            if (unitId) add.mutate({ caseId, unitId });
          }}
        >
          <SelectField
            id="lagg-till-part"
            label="Enhet att lägga till"
            value={unitId}
            onChange={setUnitId}
            placeholder={options.isLoading ? "Hämtar enheter …" : "Välj enhet"}
            options={choices.map((o) => ({ value: o.id, label: `${o.name} (${KIND_LABELS[o.kind] ?? o.kind}, ${o.organisationName})` }))}
          />
          {error ? <ErrorNotice error={error} where="form" /> : null}
          <div className="mt-2 flex gap-2">
            <button type="submit" className={BUTTON_SECONDARY} disabled={!unitId || add.isPending}>
              {add.isPending ? "Lägger till …" : "Lägg till part"}
            </button>
            <button type="button" className="underline" onClick={() => setOpen(false)}>
              Avbryt
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className={BUTTON_SECONDARY} onClick={() => setOpen(true)}>
          Lägg till part
        </button>
      )}
    </div>
  );
}
