"use client";
import { useMemo, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../trpc/react";
import { BUTTON_SECONDARY } from "../../kit/fields";
import { callError, type CallError } from "../../kit/call-error";
import { ErrorNotice } from "../../kit/error-notice";
import { groupUnits, matchesUnit, UNIT_KIND_LABELS, type PickableUnit } from "./unit-search";

/**
 * "Lägg till part": the ward adds a receiving unit, the kommun its own home care (the API offers
 * only what the domain rule allows). A search field filters the units; they are radio buttons in
 * one group per organisation, so a keyboard moves with Tab and the arrow keys, and a screen reader
 * hears the organisation as the group's name and how many units the search left.
 */
export function AddParty({ caseId }: { caseId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [unitId, setUnitId] = useState("");
  const [query, setQuery] = useState("");
  const [error, setError] = useState<CallError | null>(null);
  const [done, setDone] = useState("");
  const options = useQuery({ ...trpc.case.partyOptions.queryOptions({ caseId }), enabled: open });
  const add = useMutation(
    trpc.case.addParty.mutationOptions({
      onSuccess: async () => {
        const name = options.data?.find((o) => o.id === unitId)?.name ?? "";
        setDone(`${name} är tillagd som part. Skicka inskrivningsmeddelandet till den nya parten.`);
        setUnitId("");
        setQuery("");
        setOpen(false);
        await queryClient.invalidateQueries();
      },
      onError: (e) => setError(callError(e)),
    }),
  );
  const choices: PickableUnit[] = useMemo(() => (options.data ?? []).filter((o) => !o.isParty), [options.data]);
  const shown = choices.filter((o) => matchesUnit(o, query));
  const groups = groupUnits(shown);
  return (
    <div className="mt-3">
      <p role="status" aria-live="polite" className={done ? "mb-2 text-ok" : "sr-only"}>
        {done}
      </p>
      {open ? (
        <form
          className="rounded border border-line bg-white p-3"
          aria-labelledby="lagg-till-part-rubrik"
          onSubmit={(e) => {
            e.preventDefault();
            setError(null);
            if (unitId) add.mutate({ caseId, unitId });
            else setError({ message: "Välj en enhet att lägga till.", appCode: "INVALID_INPUT", fieldErrors: [] });
          }}
        >
          <h3 id="lagg-till-part-rubrik" className="mb-2 font-semibold">
            Lägg till part
          </h3>
          <label htmlFor="lagg-till-part-sok" className="block font-medium">
            Sök enhet
          </label>
          <p id="lagg-till-part-sok-hint" className="mt-1 text-sm text-muted">
            Skriv en del av enhetens namn, typ eller organisation, t.ex. &quot;hemtjänst&quot; eller kommunens namn.
          </p>
          <input
            id="lagg-till-part-sok"
            type="search"
            autoComplete="off"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            aria-describedby="lagg-till-part-sok-hint lagg-till-part-antal"
            aria-controls="lagg-till-part-lista"
            className="mt-1 block w-full rounded border border-muted bg-white px-3 py-2"
          />
          <p id="lagg-till-part-antal" role="status" aria-live="polite" className="mt-1 text-sm text-muted">
            {options.isLoading ? "Hämtar enheter …" : `${shown.length} av ${choices.length} enheter visas`}
          </p>
          <div id="lagg-till-part-lista" className="mt-2 max-h-96 overflow-y-auto">
            {groups.map((g) => (
              <fieldset key={g.organisationName} className="mb-3 rounded border border-line p-2">
                <legend className="px-1 font-medium">{g.organisationName}</legend>
                {g.units.map((o) => (
                  <div key={o.id} className="flex items-center gap-2 py-0.5">
                    <input
                      id={`part-${o.id}`}
                      type="radio"
                      name="lagg-till-part"
                      value={o.id}
                      checked={unitId === o.id}
                      onChange={() => setUnitId(o.id)}
                      className="h-5 w-5 accent-brand-700"
                    />
                    <label htmlFor={`part-${o.id}`}>
                      {o.name} <span className="text-muted">({UNIT_KIND_LABELS[o.kind] ?? o.kind})</span>
                    </label>
                  </div>
                ))}
              </fieldset>
            ))}
            {!options.isLoading && shown.length === 0 ? <p>Ingen enhet matchar sökningen.</p> : null}
          </div>
          {error ? <ErrorNotice error={error} where="form" /> : null}
          <div className="mt-2 flex gap-2">
            <button type="submit" className={BUTTON_SECONDARY} disabled={add.isPending}>
              {add.isPending ? "Lägger till …" : "Lägg till vald enhet"}
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
