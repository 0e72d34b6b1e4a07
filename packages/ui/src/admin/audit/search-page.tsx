"use client";
import { useRef, useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTRPCClient } from "../../trpc/react";
import { callError, type CallError } from "../../kit/call-error";
import { ErrorNotice } from "../../kit/error-notice";
import { BUTTON_PRIMARY, BUTTON_SECONDARY, TextField } from "../../kit/fields";
import { AuditLogTable, type AuditLogRow } from "./log-table";
import { LogReviewHeader } from "./log-nav";

interface Criteria {
  patient: string;
  staff: string;
  unitHsaId: string;
  from: string;
  to: string;
}

const EMPTY: Criteria = { patient: "", staff: "", unitHsaId: "", from: "", to: "" };
type Cursor = { at: Date; id: number };

/**
 * "Sök i loggen": the own organisation's staff's accesses by patient, staff member, unit and time.
 * The search is sent in the POST body (never in the address), newest first, 50 at a time.
 */
export function LogSearchPage() {
  const client = useTRPCClient();
  const [form, setForm] = useState<Criteria>(EMPTY);
  const [searched, setSearched] = useState<Criteria | null>(null);
  const [rows, setRows] = useState<AuditLogRow[]>([]);
  const [next, setNext] = useState<Cursor | null>(null);
  const [failure, setFailure] = useState<CallError | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const search = useMutation({
    mutationFn: (input: { criteria: Criteria; cursor?: Cursor }) => client.admin.audit.search.query({ ...input.criteria, cursor: input.cursor }),
  });
  const fieldError = (path: keyof Criteria) => failure?.fieldErrors.find((f) => f.path === path)?.message;

  const run = (criteria: Criteria, cursor?: Cursor) => {
    search.mutate(
      { criteria, cursor },
      {
        onSuccess: (page) => {
          setFailure(null);
          setSearched(criteria);
          setRows((prev) => (cursor ? [...prev, ...page.rows] : page.rows));
          setNext(page.next);
          if (!cursor) requestAnimationFrame(() => resultRef.current?.focus());
        },
        onError: (e) => {
          setFailure(callError(e));
          requestAnimationFrame(() => errorRef.current?.focus());
        },
      },
    );
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!search.isPending) run(form);
  };
  const set = (key: keyof Criteria) => (v: string) => setForm((f) => ({ ...f, [key]: v }));

  return (
    <section aria-labelledby="loggkontroll-rubrik">
      <LogReviewHeader
        id="loggkontroll-rubrik"
        title="Loggkontroll"
        lead="Sök bland de åtkomster till patientuppgifter som din organisations personal har gjort. Varje sökning loggas."
      />
      <form onSubmit={submit} noValidate className="mb-6 rounded border border-line bg-white p-4" aria-label="Sök i loggen">
        {failure ? <ErrorNotice ref={errorRef} error={failure} where="form" showFieldErrors /> : null}
        <div className="grid gap-x-4 sm:grid-cols-2">
          <TextField
            id="patient"
            label="Patient"
            hint="Personnummer, samordningsnummer eller reservnummer"
            optional
            value={form.patient}
            onChange={set("patient")}
            error={fieldError("patient")}
          />
          <TextField
            id="staff"
            label="Medarbetare"
            hint="HSA-id eller del av namnet"
            optional
            value={form.staff}
            onChange={set("staff")}
            error={fieldError("staff")}
          />
          <TextField
            id="unitHsaId"
            label="Enhet"
            hint="Enhetens HSA-id"
            optional
            value={form.unitHsaId}
            onChange={set("unitHsaId")}
            error={fieldError("unitHsaId")}
          />
          <div className="grid grid-cols-2 gap-x-4">
            <TextField id="from" label="Från och med" type="date" optional value={form.from} onChange={set("from")} error={fieldError("from")} />
            <TextField id="to" label="Till och med" type="date" optional value={form.to} onChange={set("to")} error={fieldError("to")} />
          </div>
        </div>
        <div className="flex gap-3">
          <button type="submit" className={BUTTON_PRIMARY} disabled={search.isPending}>
            Sök
          </button>
          <button
            type="button"
            className={BUTTON_SECONDARY}
            onClick={() => {
              setForm(EMPTY);
              setFailure(null);
            }}
          >
            Rensa
          </button>
        </div>
      </form>
      {searched ? (
        <>
          <h2 ref={resultRef} tabIndex={-1} className="mb-2 text-lg font-semibold" data-testid="audit-result-heading">
            {rows.length === 0 ? "Inga åtkomster hittades" : `${rows.length}${next ? "+" : ""} åtkomster`}
          </h2>
          {rows.length > 0 ? <AuditLogTable rows={rows} caption="Åtkomster, senaste först" /> : null}
          {next ? (
            <button type="button" className={`${BUTTON_SECONDARY} mt-3`} disabled={search.isPending} onClick={() => run(searched, next)}>
              Visa fler
            </button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
