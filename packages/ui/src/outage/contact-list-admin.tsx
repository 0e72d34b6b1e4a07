"use client";
import { useEffect, useRef, useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useQueryClient, useTRPC } from "../trpc/react";
import { callError } from "../kit/call-error";
import { ErrorNotice } from "../kit/error-notice";
import { useCallFailure } from "../kit/use-call-failure";
import { BUTTON_PRIMARY, BUTTON_SECONDARY, SelectField, TextArea, TextField } from "../kit/fields";
import { formatDateTime } from "../kit/format";
import { ContactListTables } from "./contact-list-view";
import { PrintLinks } from "./contact-list-page";
import type { ContactEntry, RegionUnits } from "./labels";
import { HeaderRow } from "../kit/header-row";
import { isValidPhone, PHONE_MESSAGE } from "@vardkedjan/domain/org/unit-fields";

type Panel =
  | { mode: "new"; organisationId: string }
  | { mode: "edit"; entry: ContactEntry }
  | { mode: "remove"; entry: ContactEntry }
  | { mode: "history"; entry: ContactEntry };

interface EntryDraft {
  unitId: string;
  function: string;
  phones: string;
  openingHours: string;
  functionMailbox: string;
  postalAddress: string;
  note: string;
  changeNote: string;
}

const entryName = (e: ContactEntry) => `${e.function}, ${e.unitName ?? e.organisationName}`;

function EntryHistory({ entry, onClose }: { entry: ContactEntry; onClose: () => void }) {
  const trpc = useTRPC();
  const history = useQuery(trpc.contacts.history.queryOptions({ entryId: entry.entryId }));
  return (
    <div data-testid="entry-history">
      {history.error ? <ErrorNotice error={callError(history.error)} where="page" /> : null}
      {!history.data && !history.error ? <p role="status">Hämtar historiken …</p> : null}
      {history.data ? (
        <div className="mb-3 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead>
              <HeaderRow className="border-b border-line" cellClassName="px-2 py-1" labels={["Version", "Gällde", "Uppgifter", "Ändrad av", "Notering"]} />
            </thead>
            <tbody>
              {history.data.map((v) => (
                <tr key={v.version} className="border-b border-line align-top last:border-b-0">
                  <th scope="row" className="px-2 py-1">
                    {v.version}
                  </th>
                  <td className="px-2 py-1">
                    {formatDateTime(v.validFrom)} – {v.supersededAt ? formatDateTime(v.supersededAt) : "nu"}
                  </td>
                  <td className="px-2 py-1">
                    {v.removed ? (
                      <span className="font-medium text-danger">Borttagen</span>
                    ) : (
                      <>
                        {v.function}: {v.phones.join(", ")}
                        {v.openingHours ? ` · ${v.openingHours}` : ""}
                        {v.functionMailbox ? ` · ${v.functionMailbox}` : ""}
                        {v.postalAddress ? ` · ${v.postalAddress}` : ""}
                      </>
                    )}
                  </td>
                  <td className="px-2 py-1">{v.changedBy ?? "Inläst"}</td>
                  <td className="px-2 py-1">{v.changeNote ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <button type="button" className={BUTTON_SECONDARY} onClick={onClose}>
        Stäng historiken
      </button>
    </div>
  );
}

function EntryForm({
  panel,
  units,
  onClose,
  onSaved,
}: {
  panel: Extract<Panel, { mode: "new" | "edit" | "remove" }>;
  units: RegionUnits;
  onClose: () => void;
  onSaved: (text: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const save = useMutation(trpc.contacts.save.mutationOptions());
  const entry = panel.mode === "new" ? null : panel.entry;
  const organisationId = panel.mode === "new" ? panel.organisationId : panel.entry.organisationId;
  const [d, setD] = useState<EntryDraft>(() => ({
    unitId: entry?.unitId ?? "",
    function: entry?.function ?? "",
    phones: entry?.phones.join("\n") ?? "",
    openingHours: entry?.openingHours ?? "",
    functionMailbox: entry?.functionMailbox ?? "",
    postalAddress: entry?.postalAddress ?? "",
    note: entry?.note ?? "",
    changeNote: "",
  }));
  const [errors, setErrors] = useState<Partial<Record<keyof EntryDraft, string>>>({});
  const { failure, setFailure, failureRef, fail } = useCallFailure();
  const set = (patch: Partial<EntryDraft>) => setD((x) => ({ ...x, ...patch }));
  const unitOptions = units.units.filter((u) => u.organisationId === organisationId).map((u) => ({ value: u.id, label: u.name }));
  const remove = panel.mode === "remove";

  const submit = () => {
    if (save.isPending) return;
    const phones = d.phones
      .split(/[\n,;]/)
      .map((p) => p.trim())
      .filter(Boolean);
    const next: typeof errors = {};
    if (!remove) {
      if (!d.function.trim()) next.function = "Ange funktion, t.ex. Utskrivningsledare";
      if (phones.length === 0) next.phones = "Ange minst ett telefonnummer";
      else if (phones.some((p) => !isValidPhone(p))) next.phones = PHONE_MESSAGE;
    }
    if (entry && !d.changeNote.trim()) next.changeNote = remove ? "Skriv varför posten tas bort" : "Skriv kort vad som ändrades och varför";
    setErrors(next);
    setFailure(null);
    const first = (["function", "phones", "changeNote"] as const).find((k) => next[k]);
    if (first) {
      requestAnimationFrame(() => document.getElementById(`kl-${first}`)?.focus());
      return;
    }
    save.mutate(
      {
        entryId: entry?.entryId ?? null,
        organisationId,
        unitId: d.unitId || null,
        function: remove ? entry!.function : d.function.trim(),
        phones: remove ? entry!.phones : phones,
        openingHours: d.openingHours.trim() || null,
        functionMailbox: d.functionMailbox.trim() || null,
        postalAddress: d.postalAddress.trim() || null,
        note: d.note.trim() || null,
        changeNote: d.changeNote.trim() || null,
        remove: remove || undefined,
      },
      {
        onSuccess: (r) => {
          void queryClient.invalidateQueries(trpc.contacts.pathFilter());
          onSaved(remove ? `Posten ${entryName(entry!)} är borttagen.` : entry ? `Posten är ändrad (version ${r.version}).` : "Posten är tillagd.");
        },
        onError: fail,
      },
    );
  };

  return (
    <form
      noValidate
      aria-label={remove ? "Ta bort post" : entry ? "Ändra post" : "Lägg till post"}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
      }}
    >
      {remove ? (
        <p className="mb-3">
          Posten <span className="font-semibold">{entryName(entry!)}</span> tas bort ur kontaktlistan. Den finns kvar i historiken.
        </p>
      ) : (
        <>
          <SelectField
            id="kl-unitId"
            label="Enhet"
            value={d.unitId}
            onChange={(v) => set({ unitId: v })}
            options={unitOptions}
            placeholder="Hela organisationen (t.ex. växeln)"
            optional
          />
          <TextField
            id="kl-function"
            label="Funktion"
            hint="T.ex. Utskrivningsledare, Biståndshandläggare via växeln, Waranteamet."
            value={d.function}
            onChange={(v) => set({ function: v })}
            error={errors.function}
          />
          <TextArea
            id="kl-phones"
            label="Telefonnummer"
            hint="Ett per rad."
            rows={2}
            value={d.phones}
            onChange={(v) => set({ phones: v })}
            error={errors.phones}
          />
          <TextField
            id="kl-openingHours"
            label="Öppettider"
            optional
            hint="T.ex. vardagar 07.30–16.15, dygnet runt."
            value={d.openingHours}
            onChange={(v) => set({ openingHours: v })}
          />
          <TextField id="kl-functionMailbox" label="Funktionsbrevlåda" optional value={d.functionMailbox} onChange={(v) => set({ functionMailbox: v })} />
          <TextField id="kl-postalAddress" label="Postadress" optional value={d.postalAddress} onChange={(v) => set({ postalAddress: v })} />
          <TextField id="kl-note" label="Anmärkning" optional value={d.note} onChange={(v) => set({ note: v })} />
        </>
      )}
      <TextField
        id="kl-changeNote"
        label="Ändringsnotering"
        optional={!entry}
        hint="Sparas i historiken tillsammans med ditt namn."
        value={d.changeNote}
        onChange={(v) => set({ changeNote: v })}
        error={errors.changeNote}
      />
      {failure ? (
        <div className="mb-3">
          <ErrorNotice ref={failureRef} error={failure} where="form" />
        </div>
      ) : null}
      <div className="flex gap-3">
        <button
          type="submit"
          className={remove ? "rounded bg-danger px-4 py-2 font-medium text-white disabled:opacity-60" : BUTTON_PRIMARY}
          disabled={save.isPending}
        >
          {remove ? "Ta bort posten" : "Spara"}
        </button>
        <button type="button" className={BUTTON_SECONDARY} onClick={onClose}>
          Avbryt
        </button>
      </div>
    </form>
  );
}

const PANEL_TITLE: Record<Panel["mode"], string> = { new: "Lägg till post", edit: "Ändra post", remove: "Ta bort post", history: "Historik" };

/**
 * The contact list's entries of the organisations the actor may edit, grouped by organisation and
 * unit, with add, change, remove (each a new version with a change note) and each entry's history.
 * Used by Förvaltning's Kontaktlista and by the representative's confirmation page.
 */
export function ContactEntriesEditor({ organisationIds, onChanged }: { organisationIds?: string[]; onChanged?: (text: string) => void }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.contacts.list.queryOptions());
  const units = useQuery(trpc.admin.units.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const [panel, setPanel] = useState<Panel | null>(null);
  const [status, setStatus] = useState("");
  const [orgFilter, setOrgFilter] = useState("");
  const panelRef = useRef<HTMLHeadingElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (panel) panelRef.current?.focus();
  }, [panel]);

  const open = (p: Panel) => {
    returnTo.current = document.activeElement as HTMLElement | null;
    setStatus("");
    setPanel(p);
  };
  const close = () => {
    setPanel(null);
    requestAnimationFrame(() => returnTo.current?.focus());
  };
  const saved = (text: string) => {
    setPanel(null);
    setStatus(text);
    onChanged?.(text);
    requestAnimationFrame(() => statusRef.current?.focus());
  };

  const orgs = (units.data?.organisations ?? []).filter((o) => o.editable && (!organisationIds || organisationIds.includes(o.id)));
  const shownOrgs = orgFilter ? orgs.filter((o) => o.id === orgFilter) : orgs;
  const entries = list.data?.entries ?? [];
  const error = list.error ?? units.error;
  const panelOrg = panel ? (panel.mode === "new" ? panel.organisationId : panel.entry.organisationId) : null;

  return (
    <div>
      <div
        ref={statusRef}
        tabIndex={-1}
        role="status"
        aria-live="polite"
        className={status ? "mb-4 rounded border border-ok bg-ok-bg p-3 font-semibold text-ok" : "sr-only"}
        data-testid="contacts-status"
      >
        {status}
      </div>
      {error ? <ErrorNotice error={callError(error)} where="page" /> : null}
      {(!list.data || !units.data) && !error ? <p role="status">Hämtar kontaktlistan …</p> : null}
      {list.data && units.data && orgs.length === 0 ? <p>Du kan inte ändra någon organisations uppgifter i kontaktlistan.</p> : null}
      {list.data && units.data && orgs.length > 1 ? (
        <div className="mb-4 max-w-md">
          <SelectField
            id="kl-org-filter"
            label="Visa organisation"
            optional
            value={orgFilter}
            onChange={setOrgFilter}
            options={orgs.map((o) => ({ value: o.id, label: o.name }))}
            placeholder="Alla organisationer"
          />
        </div>
      ) : null}
      {list.data && units.data ? (
        <div className="grid gap-8">
          {shownOrgs.map((o) => {
            const own = entries.filter((e) => e.organisationId === o.id);
            return (
              <section key={o.id} aria-labelledby={`klorg-${o.id}`} data-testid="contact-org">
                <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
                  <h2 id={`klorg-${o.id}`} className="text-xl font-semibold">
                    {o.name}
                  </h2>
                  <button
                    type="button"
                    className={BUTTON_SECONDARY}
                    onClick={() => open({ mode: "new", organisationId: o.id })}
                    aria-label={`Lägg till post för ${o.name}`}
                  >
                    Lägg till post
                  </button>
                </div>
                {panel && panelOrg === o.id ? (
                  <div className="mb-4 rounded border-2 border-brand-600 bg-white p-4" data-testid="contact-panel">
                    <h3 ref={panelRef} tabIndex={-1} className="mb-3 text-lg font-semibold">
                      {PANEL_TITLE[panel.mode]}
                      {panel.mode !== "new" ? `: ${entryName(panel.entry)}` : ""}
                    </h3>
                    {panel.mode === "history" ? (
                      <EntryHistory entry={panel.entry} onClose={close} />
                    ) : (
                      <EntryForm
                        key={panel.mode + (panel.mode === "new" ? "" : panel.entry.id)}
                        panel={panel}
                        units={units.data}
                        onClose={close}
                        onSaved={saved}
                      />
                    )}
                  </div>
                ) : null}
                <ContactListTables
                  entries={own}
                  headingLevel={3}
                  organisationHeadings={false}
                  emptyText="Inga poster för organisationen ännu."
                  actionsHeader="Åtgärder"
                  actions={(e) => (
                    <ul className="flex flex-wrap gap-x-3 gap-y-1">
                      <li>
                        <button type="button" className="underline" onClick={() => open({ mode: "edit", entry: e })} aria-label={`Ändra ${entryName(e)}`}>
                          Ändra
                        </button>
                      </li>
                      <li>
                        <button
                          type="button"
                          className="underline"
                          onClick={() => open({ mode: "history", entry: e })}
                          aria-label={`Historik för ${entryName(e)}`}
                        >
                          Historik
                        </button>
                      </li>
                      <li>
                        <button
                          type="button"
                          className="text-danger underline"
                          onClick={() => open({ mode: "remove", entry: e })}
                          aria-label={`Ta bort ${entryName(e)}`}
                        >
                          Ta bort
                        </button>
                      </li>
                    </ul>
                  )}
                />
              </section>
            );
          })}
        </div>
      ) : null}
    </div>
  );
}

/** Förvaltning's "Kontaktlista": the region's list (a kommun administrator: only the kommun's entries). */
export function ContactListAdminPage() {
  const trpc = useTRPC();
  const list = useQuery(trpc.contacts.list.queryOptions());
  return (
    <section aria-labelledby="kl-admin-rubrik">
      <h1 id="kl-admin-rubrik" className="text-2xl font-semibold">
        Kontaktlista driftstörning
      </h1>
      {list.data ? (
        <p className="mb-4 text-muted">
          {list.data.regionName} · version {list.data.version}
          {list.data.validFrom ? ` · senast ändrad ${formatDateTime(list.data.validFrom)}` : ""}
        </p>
      ) : null}
      <p className="mb-3">Varje ändring sparas som en ny version med ditt namn och en notering. Listan publiceras direkt i alla portaler och i PDF:en.</p>
      <PrintLinks />
      <ContactEntriesEditor />
    </section>
  );
}
