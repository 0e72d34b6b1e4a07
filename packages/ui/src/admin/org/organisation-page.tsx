"use client";
import { useEffect, useRef, useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { UNIT_KIND_LABELS } from "@vardkedjan/domain/org/unit-fields";
import { useQueryClient, useTRPC } from "../../trpc/react";
import { callError } from "../../kit/call-error";
import { ErrorNotice } from "../../kit/error-notice";
import { useCallFailure } from "../../kit/use-call-failure";
import { BUTTON_PRIMARY, BUTTON_SECONDARY, SelectField } from "../../kit/fields";
import { HeaderRow } from "../../kit/header-row";
import { formatDateTime } from "../../kit/format";
import { UnitForm } from "./unit-form";
import { UnitImport } from "./unit-import";
import type { AdminUnit, OrganisationUnits } from "./types";

type Panel = { mode: "edit"; unit: AdminUnit } | { mode: "add" } | { mode: "import" } | { mode: "deactivate" | "activate" | "remove"; unit: AdminUnit };

const address = (u: AdminUnit) => [u.streetAddress, [u.postalCode, u.city].filter(Boolean).join(" ")].filter(Boolean).join(", ");

function panelTitle(p: Panel): string {
  switch (p.mode) {
    case "edit":
      return `Ändra ${p.unit.name}`;
    case "add":
      return "Lägg till enhet";
    case "import":
      return "Läs in enhetslista från HSA-katalogen";
    case "deactivate":
      return `Avaktivera ${p.unit.name}`;
    case "activate":
      return `Aktivera ${p.unit.name}`;
    case "remove":
      return `Ta bort ${p.unit.name}`;
  }
}

/** Deactivate, activate again or delete one unit, after saying what it means. */
function UnitStateChange({ panel, onClose, onDone }: { panel: Extract<Panel, { unit: AdminUnit }>; onClose: () => void; onDone: (text: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const setActive = useMutation(trpc.admin.org.setUnitActive.mutationOptions());
  const remove = useMutation(trpc.admin.org.removeUnit.mutationOptions());
  const { failure, failureRef, fail } = useCallFailure();
  const u = panel.unit;
  const done = (text: string) => {
    void queryClient.invalidateQueries(trpc.admin.pathFilter());
    onDone(text);
  };
  const confirm = () => {
    if (panel.mode === "remove") remove.mutate({ unitId: u.id, version: u.version }, { onSuccess: () => done(`${u.name} är borttagen.`), onError: fail });
    else
      setActive.mutate(
        { unitId: u.id, version: u.version, active: panel.mode === "activate" },
        { onSuccess: () => done(panel.mode === "activate" ? `${u.name} är aktiv igen.` : `${u.name} är avaktiverad.`), onError: fail },
      );
  };
  return (
    <div onKeyDown={(e) => e.key === "Escape" && onClose()}>
      {panel.mode === "deactivate" ? (
        <p className="mb-3">
          En avaktiverad enhet finns kvar med sina ärenden och sin historik. Ingen får något nytt arbetssammanhang vid enheten vid nästa inloggning, och den går
          inte längre att välja som mottagare eller part. Pågående inloggningar avslutas under Personal.
          {u.cases > 0 ? ` Enheten är part i ${u.cases} ärenden; de finns kvar och syns för de andra parterna.` : ""}
        </p>
      ) : panel.mode === "activate" ? (
        <p className="mb-3">Enheten blir valbar igen, och arbetssammanhang vid den ges från nästa inloggning.</p>
      ) : (
        <p className="mb-3">
          Bara en enhet som lagts till av misstag och aldrig använts kan tas bort. En enhet med ärenden tas aldrig bort; avaktivera den i stället.
        </p>
      )}
      {failure ? (
        <div className="mb-3">
          <ErrorNotice ref={failureRef} error={failure} where="form" />
        </div>
      ) : null}
      <div className="flex gap-3">
        <button
          type="button"
          className={panel.mode === "activate" ? BUTTON_PRIMARY : "rounded bg-danger px-4 py-2 font-medium text-white disabled:opacity-60"}
          onClick={confirm}
          disabled={setActive.isPending || remove.isPending}
        >
          {panel.mode === "deactivate" ? "Avaktivera enheten" : panel.mode === "activate" ? "Aktivera enheten" : "Ta bort enheten"}
        </button>
        <button type="button" className={BUTTON_SECONDARY} onClick={onClose}>
          Avbryt
        </button>
      </div>
    </div>
  );
}

function UnitTable({ data, onOpen }: { data: OrganisationUnits; onOpen: (p: Panel) => void }) {
  const manage = data.organisation.access === "manage";
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="unit-tree">
        <caption className="sr-only">Enheter i {data.organisation.name}, i trädordning; nivå 1 ligger direkt under organisationen.</caption>
        <thead>
          <HeaderRow
            className="border-b-2 border-line"
            cellClassName="px-2 py-2"
            labels={["Enhet", "Nivå", "HSA-id", "Typ", "Telefon", "Växel", "Öppettider", "Postadress", "Status", ...(manage ? ["Åtgärder"] : [])]}
          />
        </thead>
        <tbody>
          {data.units.map((u) => (
            <tr key={u.id} className={`border-b border-line align-top ${u.active ? "" : "text-muted"}`} data-testid="unit-row" data-hsa-id={u.hsaId}>
              <th scope="row" className="px-2 py-2 font-medium" style={{ paddingLeft: `${0.5 + (u.level - 1) * 1.25}rem` }}>
                {u.level > 1 ? <span aria-hidden="true">└ </span> : null}
                {u.name}
              </th>
              <td className="px-2 py-2">{u.level}</td>
              <td className="px-2 py-2">{u.hsaId}</td>
              <td className="px-2 py-2">{UNIT_KIND_LABELS[u.kind]}</td>
              <td className="px-2 py-2">{u.phone ?? <span className="text-danger">Saknas</span>}</td>
              <td className="px-2 py-2">{u.switchboard ?? "–"}</td>
              <td className="px-2 py-2">{u.openingHours ?? "–"}</td>
              <td className="px-2 py-2">{address(u) || "–"}</td>
              <td className="px-2 py-2">{u.active ? "Aktiv" : `Avaktiverad${u.deactivatedAt ? ` ${formatDateTime(u.deactivatedAt)}` : ""}`}</td>
              {manage ? (
                <td className="px-2 py-2">
                  <ul className="flex flex-wrap gap-x-3 gap-y-1">
                    {u.active ? (
                      <li>
                        <button type="button" className="underline" onClick={() => onOpen({ mode: "edit", unit: u })} aria-label={`Ändra ${u.name}`}>
                          Ändra
                        </button>
                      </li>
                    ) : null}
                    <li>
                      <button
                        type="button"
                        className="underline"
                        onClick={() => onOpen({ mode: u.active ? "deactivate" : "activate", unit: u })}
                        aria-label={`${u.active ? "Avaktivera" : "Aktivera"} ${u.name}`}
                      >
                        {u.active ? "Avaktivera" : "Aktivera"}
                      </button>
                    </li>
                    {u.cases === 0 ? (
                      <li>
                        <button
                          type="button"
                          className="text-danger underline"
                          onClick={() => onOpen({ mode: "remove", unit: u })}
                          aria-label={`Ta bort ${u.name}`}
                        >
                          Ta bort
                        </button>
                      </li>
                    ) : null}
                  </ul>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Förvaltning's "Organisation": the unit tree of the administrator's organisation, with edit,
 * add, deactivate and the HSA import; a region's administrator may also open (read only) the
 * kommuner and providers of the region. `unitId` opens that unit for editing (the start page
 * links here for a unit without a phone number).
 */
export function OrganisationPage({ unitId }: { unitId?: string | null }) {
  const trpc = useTRPC();
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const query = useQuery(trpc.admin.org.units.queryOptions({ organisationId }));
  const [panel, setPanel] = useState<Panel | null>(null);
  const [status, setStatus] = useState("");
  const panelRef = useRef<HTMLHeadingElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  // The unit named in the link (from the start page) opens for editing until the first other step.
  const [linkUsed, setLinkUsed] = useState(false);
  const data = query.data;
  const linked = !linkUsed && unitId && data?.organisation.access === "manage" ? data.units.find((u) => u.id === unitId && u.active) : undefined;
  const shown: Panel | null = panel ?? (linked ? { mode: "edit", unit: linked } : null);

  useEffect(() => {
    if (panel || linked) panelRef.current?.focus();
  }, [panel, linked]);

  const open = (p: Panel) => {
    setLinkUsed(true);
    returnTo.current = document.activeElement as HTMLElement | null;
    setStatus("");
    setPanel(p);
  };
  const close = () => {
    setLinkUsed(true);
    setPanel(null);
    requestAnimationFrame(() => returnTo.current?.focus());
  };
  const done = (text: string) => {
    setLinkUsed(true);
    setPanel(null);
    setStatus(text);
    requestAnimationFrame(() => statusRef.current?.focus());
  };

  return (
    <section aria-labelledby="org-rubrik">
      <h1 id="org-rubrik" className="text-2xl font-semibold">
        Organisation{data ? ` · ${data.organisation.name}` : ""}
      </h1>
      <div
        ref={statusRef}
        tabIndex={-1}
        role="status"
        aria-live="polite"
        className={status ? "my-4 rounded border border-ok bg-ok-bg p-3 font-semibold text-ok" : "sr-only"}
        data-testid="org-status"
      >
        {status}
      </div>
      {query.error ? <ErrorNotice error={callError(query.error)} where="page" /> : null}
      {!data && !query.error ? <p role="status">Hämtar enheterna …</p> : null}
      {data ? (
        <>
          <p className="mb-4 text-muted">
            {data.organisation.access === "manage"
              ? "Enheterna i din organisation. Ändringar av telefon, växel och öppettider följer med till kontaktlistan för driftstörning."
              : "Läsbehörighet för support: du kan se men inte ändra organisationens enheter."}
          </p>
          {data.organisations.length > 1 ? (
            <div className="mb-4 max-w-md">
              <SelectField
                id="org-val"
                label="Organisation"
                value={data.organisation.id}
                onChange={(v) => {
                  setLinkUsed(true);
                  setPanel(null);
                  setStatus("");
                  setOrganisationId(v);
                }}
                options={data.organisations.map((o) => ({ value: o.id, label: o.access === "manage" ? o.name : `${o.name} (läsbehörighet)` }))}
              />
            </div>
          ) : null}
          {data.organisation.access === "manage" ? (
            <div className="mb-4 flex flex-wrap gap-3">
              <button type="button" className={BUTTON_SECONDARY} onClick={() => open({ mode: "add" })}>
                Lägg till enhet
              </button>
              <button type="button" className={BUTTON_SECONDARY} onClick={() => open({ mode: "import" })}>
                Läs in enhetslista
              </button>
            </div>
          ) : null}
          {shown ? (
            <div className="mb-6 rounded border-2 border-brand-600 bg-white p-4" data-testid="org-panel">
              <h2 ref={panelRef} tabIndex={-1} className="mb-3 text-lg font-semibold">
                {panelTitle(shown)}
              </h2>
              {shown.mode === "edit" || shown.mode === "add" ? (
                <UnitForm
                  key={shown.mode === "edit" ? shown.unit.id : "add"}
                  data={data}
                  unit={shown.mode === "edit" ? shown.unit : null}
                  onClose={close}
                  onSaved={done}
                />
              ) : shown.mode === "import" ? (
                <UnitImport data={data} onClose={close} onApplied={done} />
              ) : (
                <UnitStateChange panel={shown} onClose={close} onDone={done} />
              )}
            </div>
          ) : null}
          <h2 className="mb-2 text-xl font-semibold">Enheter</h2>
          {data.units.length === 0 ? <p>Organisationen har inga enheter ännu.</p> : <UnitTable data={data} onOpen={open} />}
        </>
      ) : null}
    </section>
  );
}
