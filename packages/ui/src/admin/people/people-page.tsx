"use client";
import { useEffect, useRef, useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@vardkedjan/api";
import { PORTAL_LABELS } from "@vardkedjan/domain/identity/context-label";
import { useQueryClient, useTRPC } from "../../trpc/react";
import { callError } from "../../kit/call-error";
import { ErrorNotice } from "../../kit/error-notice";
import { useCallFailure } from "../../kit/use-call-failure";
import { BUTTON_PRIMARY, BUTTON_SECONDARY, Checkbox, TextField } from "../../kit/fields";
import { HeaderRow } from "../../kit/header-row";
import { formatDateTime } from "../../kit/format";

type Person = RouterOutputs["admin"]["people"]["get"];

/** The chosen live sessions of a person, ended at once in every portal. */
function Sessions({ person }: { person: Person }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const end = useMutation(trpc.admin.people.endSessions.mutationOptions());
  const [chosen, setChosen] = useState<string[]>([]);
  const [status, setStatus] = useState("");
  const [error, setError] = useState("");
  const statusRef = useRef<HTMLDivElement>(null);
  const { failure, setFailure, failureRef, fail } = useCallFailure();
  const submit = () => {
    setFailure(null);
    if (chosen.length === 0) return setError("Välj minst en session att avsluta");
    setError("");
    end.mutate(
      { staffId: person.id, sessionIds: chosen },
      {
        onSuccess: (r) => {
          setChosen([]);
          setStatus(`${r.ended} ${r.ended === 1 ? "session är avslutad" : "sessioner är avslutade"}. ${person.name} möter inloggningen vid nästa sidvisning.`);
          void queryClient.invalidateQueries(trpc.admin.people.pathFilter());
          requestAnimationFrame(() => statusRef.current?.focus());
        },
        onError: fail,
      },
    );
  };
  return (
    <section aria-labelledby="sessioner-rubrik" className="mb-6">
      <h3 id="sessioner-rubrik" className="mb-2 text-lg font-semibold">
        Aktiva sessioner
      </h3>
      <div
        ref={statusRef}
        tabIndex={-1}
        role="status"
        aria-live="polite"
        className={status ? "mb-3 rounded border border-ok bg-ok-bg p-3 font-semibold text-ok" : "sr-only"}
        data-testid="sessions-status"
      >
        {status}
      </div>
      {person.activeSessions.length === 0 ? (
        <p>Inga aktiva sessioner.</p>
      ) : (
        <form
          noValidate
          aria-label="Avsluta sessioner"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <fieldset className="mb-3" aria-describedby={error ? "sessioner-fel" : undefined}>
            <legend className="mb-2 font-medium">
              {person.canManage ? "Välj sessioner att avsluta" : "Sessioner (du kan inte avsluta dem: personen hör till en annan organisation)"}
            </legend>
            {error ? (
              <p id="sessioner-fel" className="mb-2 text-sm font-medium text-danger">
                <span aria-hidden="true">⚠ </span>
                {error}
              </p>
            ) : null}
            {person.activeSessions.map((s) => {
              const label = `${PORTAL_LABELS[s.portal]}: inloggad ${formatDateTime(s.startedAt)}, senast aktiv ${formatDateTime(s.lastSeenAt)}${s.activeContext ? `, ${s.activeContext}` : ""}`;
              return person.canManage ? (
                <Checkbox
                  key={s.id}
                  id={`session-${s.id}`}
                  label={label}
                  checked={chosen.includes(s.id)}
                  onChange={(on) => setChosen((c) => (on ? [...c, s.id] : c.filter((x) => x !== s.id)))}
                />
              ) : (
                <p key={s.id}>{label}</p>
              );
            })}
          </fieldset>
          {failure ? (
            <div className="mb-3">
              <ErrorNotice ref={failureRef} error={failure} where="form" />
            </div>
          ) : null}
          {person.canManage ? (
            <div className="flex flex-wrap gap-3">
              <button type="submit" className="rounded bg-danger px-4 py-2 font-medium text-white disabled:opacity-60" disabled={end.isPending}>
                Avsluta session
              </button>
              <button type="button" className={BUTTON_SECONDARY} onClick={() => setChosen(person.activeSessions.map((s) => s.id))}>
                Välj alla
              </button>
            </div>
          ) : null}
        </form>
      )}
    </section>
  );
}

function PersonDetail({ staffId, onClose }: { staffId: string; onClose: () => void }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.admin.people.get.queryOptions({ staffId }));
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (q.data) headingRef.current?.focus();
  }, [q.data?.id]); // eslint-disable-line react-hooks/exhaustive-deps -- focus once per person, not per refetch
  if (q.error) return <ErrorNotice error={callError(q.error)} where="page" />;
  if (!q.data) return <p role="status">Hämtar personen …</p>;
  const p = q.data;
  return (
    <section aria-labelledby="person-rubrik" className="rounded border-2 border-brand-600 bg-white p-4" data-testid="person-detail">
      <h2 id="person-rubrik" ref={headingRef} tabIndex={-1} className="text-xl font-semibold">
        {p.name}
      </h2>
      <p className="mb-4 text-muted">
        {p.title ? `${p.title} · ` : ""}HSA-id {p.hsaId} · senaste inloggning {p.lastLoginAt ? formatDateTime(p.lastLoginAt) : "aldrig"}
      </p>
      <Sessions person={p} />
      <section aria-labelledby="sammanhang-rubrik" className="mb-6">
        <h3 id="sammanhang-rubrik" className="mb-2 text-lg font-semibold">
          Arbetssammanhang vid senaste inloggningen
        </h3>
        {p.contexts.length === 0 ? <p>Inga arbetssammanhang.</p> : null}
        <ul className="list-disc pl-6">
          {p.contexts.map((c, i) => (
            <li key={i}>
              {PORTAL_LABELS[c.portal]}: {c.label}
            </li>
          ))}
        </ul>
        {p.denials.length > 0 ? (
          <>
            <h4 className="mt-2 font-semibold">Varför inget annat gavs</h4>
            <ul className="list-disc pl-6">
              {p.denials.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <section aria-labelledby="uppdrag-rubrik" className="mb-6">
        <h3 id="uppdrag-rubrik" className="mb-2 text-lg font-semibold">
          Medarbetaruppdrag och systemroller (som vid senaste inloggningen)
        </h3>
        {p.commissions.length === 0 ? (
          <p>Inga medarbetaruppdrag.</p>
        ) : (
          <div className="mb-3 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <HeaderRow className="border-b border-line" cellClassName="px-2 py-1" labels={["Uppdrag", "Syfte", "Enhet", "Vårdgivare"]} />
              </thead>
              <tbody>
                {p.commissions.map((c) => (
                  <tr key={c.hsaId} className="border-b border-line">
                    <th scope="row" className="px-2 py-1 font-normal">
                      {c.name || c.hsaId}
                    </th>
                    <td className="px-2 py-1">{c.purpose}</td>
                    <td className="px-2 py-1">{c.unitName ? `${c.unitName} (${c.unitHsaId})` : c.unitHsaId}</td>
                    <td className="px-2 py-1">{c.providerName || "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p>Systemroller: {p.systemRoles.length ? p.systemRoles.join(", ") : "inga"}</p>
      </section>
      <button type="button" className={BUTTON_SECONDARY} onClick={onClose}>
        Stäng
      </button>
    </section>
  );
}

/** Förvaltning's "Personal": staff of the administrator's organisation by name or HSA-id, and one person's logins. */
export function PeoplePage() {
  const trpc = useTRPC();
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  const [error, setError] = useState("");
  const [staffId, setStaffId] = useState<string | null>(null);
  const results = useQuery({ ...trpc.admin.people.search.queryOptions({ query }), enabled: query.length >= 2 });
  const returnTo = useRef<HTMLElement | null>(null);
  const search = () => {
    const q = text.trim();
    if (q.length < 2) return setError("Skriv minst två tecken av namnet eller HSA-id:t");
    setError("");
    setStaffId(null);
    setQuery(q);
  };
  return (
    <section aria-labelledby="personal-rubrik">
      <h1 id="personal-rubrik" className="text-2xl font-semibold">
        Personal
      </h1>
      <p className="mb-4 text-muted">Personal som är anställd i din organisation eller har medarbetaruppdrag vid dess enheter.</p>
      <form
        role="search"
        aria-label="Sök personal"
        noValidate
        className="mb-4 flex max-w-2xl flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          search();
        }}
      >
        <TextField id="personal-sok" label="Namn eller HSA-id" value={text} onChange={setText} error={error} className="mb-0 min-w-64 flex-1" />
        <button type="submit" className={BUTTON_PRIMARY}>
          Sök
        </button>
      </form>
      {results.error ? <ErrorNotice error={callError(results.error)} where="page" /> : null}
      {query && results.isFetching && !results.data ? <p role="status">Söker …</p> : null}
      {results.data ? (
        <div className="mb-6" data-testid="people-results">
          <p role="status" className="mb-2">
            {results.data.length === 0 ? `Ingen i din organisation matchar "${query}".` : `${results.data.length} träffar för "${query}".`}
          </p>
          {results.data.length > 0 ? (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <thead>
                  <HeaderRow
                    className="border-b-2 border-line"
                    cellClassName="px-2 py-2"
                    labels={["Namn", "HSA-id", "Titel", "Organisation", "Senaste inloggning"]}
                  />
                </thead>
                <tbody>
                  {results.data.map((p) => (
                    <tr key={p.id} className="border-b border-line">
                      <th scope="row" className="px-2 py-2 font-medium">
                        <button
                          type="button"
                          className="text-left underline"
                          aria-current={staffId === p.id ? "true" : undefined}
                          onClick={(e) => {
                            returnTo.current = e.currentTarget;
                            setStaffId(p.id);
                          }}
                        >
                          {p.name}
                        </button>
                      </th>
                      <td className="px-2 py-2">{p.hsaId}</td>
                      <td className="px-2 py-2">{p.title ?? "–"}</td>
                      <td className="px-2 py-2">{p.organisations.join(", ")}</td>
                      <td className="px-2 py-2">{p.lastLoginAt ? formatDateTime(p.lastLoginAt) : "aldrig"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </div>
      ) : null}
      {staffId ? (
        <PersonDetail
          key={staffId}
          staffId={staffId}
          onClose={() => {
            setStaffId(null);
            requestAnimationFrame(() => returnTo.current?.focus());
          }}
        />
      ) : null}
    </section>
  );
}
