"use client";
import { useState } from "react";
import { useMutation, useQuery } from "@tanstack/react-query";
import type { RouterOutputs } from "@vardkedjan/api";
import { AGREEMENT_MODEL_LABELS, dayCountText, LPT_LRV_LABELS, type AgreementModel } from "@vardkedjan/domain/payment/agreement";
import { useQueryClient, useTRPC } from "../../trpc/react";
import { callError, type CallError } from "../../kit/call-error";
import { ErrorNotice } from "../../kit/error-notice";
import { BUTTON_PRIMARY, TextField } from "../../kit/fields";
import { formatDate, formatDateTime, formatNumber } from "../../kit/format";
import { HeaderRow } from "../../kit/header-row";
import { AgreementForm } from "./agreement-form";

type View = RouterOutputs["payment"]["agreements"];

/** The model in Swedish sentences, for the list. */
function modelText(model: AgreementModel): string[] {
  const out: string[] = [AGREEMENT_MODEL_LABELS[model.kind]];
  if (model.kind === "individuell") {
    out.push(`Somatisk vård: fria ${dayCountText(model.somatic)}.`);
    out.push(`Psykiatrisk vård: fria ${dayCountText(model.psychiatric)}.`);
  } else {
    out.push(
      `Genomsnitt ${String(model.averageDays).replace(".", ",")} dagar per månad; vårdtid mer än ${model.longStay.moreThanDays} dagar räknas individuellt.`,
    );
  }
  const pre = model.preconditions;
  const needs = [
    pre.admissionNotice ? "inskrivningsmeddelande" : null,
    pre.readyNotice ? "meddelande om utskrivningsklar" : null,
    pre.sipCallWhenNeeded ? "kallelse till SIP vid behov" : null,
  ].filter(Boolean);
  out.push(needs.length > 0 ? `Förutsättningar: ${needs.join(", ")}.` : "Inga förutsättningar.");
  out.push(`LPT/LRV: ${LPT_LRV_LABELS[model.lptLrv.handling].toLowerCase()}.`);
  out.push(
    model.amountPerDayKr !== undefined ? `Eget belopp: ${formatNumber(model.amountPerDayKr)} kr per vårddygn.` : "Belopp: Socialstyrelsens belopp för året.",
  );
  return out;
}

function AmountsSection({ view, refresh }: { view: View; refresh: () => void }) {
  const trpc = useTRPC();
  const [year, setYear] = useState("");
  const [amount, setAmount] = useState("");
  const [regulationId, setRegulationId] = useState("");
  const [source, setSource] = useState("");
  const [error, setError] = useState<CallError | null>(null);
  const add = useMutation(
    trpc.payment.addYearlyAmount.mutationOptions({
      onSuccess: () => {
        setYear("");
        setAmount("");
        setRegulationId("");
        setSource("");
        refresh();
      },
      onError: (e) => setError(callError(e)),
    }),
  );
  const errorOf = (p: string) => error?.fieldErrors.find((f) => f.path === p)?.message;
  return (
    <section aria-labelledby="belopp-rubrik" className="mt-8">
      <h2 id="belopp-rubrik" className="mb-2 text-xl font-semibold">
        Belopp per vårddygn
      </h2>
      <p className="mb-3 max-w-3xl">
        Socialstyrelsens belopp per år enligt föreskriften om belopp för vård av utskrivningsklara patienter. Ett år som redan finns ändras inte.
      </p>
      <table className="mb-4 w-full max-w-3xl text-left text-sm">
        <thead>
          <HeaderRow labels={["År", "Belopp", "Föreskrift", "Källa"]} />
        </thead>
        <tbody>
          {view.amounts.map((a) => (
            <tr key={a.year} className="border-b border-line align-top">
              <th scope="row" className="px-3 py-2">
                {a.year}
              </th>
              <td className="px-3 py-2">{formatNumber(a.amountKr)} kr</td>
              <td className="px-3 py-2">{a.regulationId ?? "okänd"}</td>
              <td className="px-3 py-2">{a.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {view.mayManage ? (
        <form
          className="max-w-3xl rounded border border-line p-4"
          onSubmit={(e) => {
            e.preventDefault();
            setError(null);
            add.mutate({ year: Number(year), amountKr: Number(amount.replace(/\s/g, "")), regulationId, source });
          }}
        >
          <h3 className="mb-2 text-lg font-semibold">Lägg till ett år</h3>
          {error ? <ErrorNotice error={error} where="form" /> : null}
          <div className="grid gap-4 sm:grid-cols-3">
            <TextField id="ar" label="År" inputMode="numeric" value={year} onChange={setYear} error={errorOf("year")} />
            <TextField id="belopp-ar" label="Belopp (kr)" inputMode="numeric" value={amount} onChange={setAmount} error={errorOf("amountKr")} />
            <TextField
              id="foreskrift"
              label="Föreskrift"
              hint="T.ex. HSLF-FS 2025:74"
              value={regulationId}
              onChange={setRegulationId}
              error={errorOf("regulationId")}
            />
          </div>
          <TextField id="kalla" label="Källa" value={source} onChange={setSource} error={errorOf("source")} />
          <button type="submit" className={BUTTON_PRIMARY} disabled={add.isPending}>
            Lägg till belopp
          </button>
        </form>
      ) : null}
    </section>
  );
}

/** Överenskommelser om betalningsansvar: every version, the one in force per kommun, the yearly amounts. */
export function AgreementsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // While the region's figures are being recomputed (a background job after a new version), ask again every few seconds.
  const view = useQuery({ ...trpc.payment.agreements.queryOptions(), refetchInterval: (q) => (q.state.data?.recomputation.pending ? 3_000 : false) });
  const [editing, setEditing] = useState(false);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.payment.agreements.queryKey() });
  const data = view.data;
  const nameOf = new Map((data?.municipalities ?? []).map((m) => [m.id, m.name]));
  const latest = new Map<string, { version: number; model: AgreementModel; name: string }>();
  for (const v of data?.versions ?? []) {
    const key = v.municipalityId ?? "";
    if (!latest.has(key) || latest.get(key)!.version < v.version) latest.set(key, { version: v.version, model: v.model, name: v.name });
  }
  return (
    <div>
      <h1 className="mb-4 text-2xl font-semibold">Överenskommelser om betalningsansvar</h1>
      {view.error ? <ErrorNotice error={callError(view.error)} where="page" /> : null}
      {!data && !view.error ? <p role="status">Hämtar överenskommelserna …</p> : null}
      {data ? (
        <>
          <p className="mb-4 max-w-3xl">
            {data.regionName}. En ändring sparas som en ny version med giltighetstid; tidigare versioner finns kvar. En version för en kommun går före den som
            gäller hela regionen.
          </p>
          <p role="status" className="mb-4 max-w-3xl" data-testid="recomputation-status">
            {data.recomputation.pending
              ? "Betalningsdagarna räknas om efter den nya versionen. Faktureringsunderlaget och rapporterna visar de nya siffrorna när omräkningen är klar."
              : data.recomputation.lastFinished
                ? `Betalningsdagarna räknades om ${formatDateTime(data.recomputation.lastFinished.at)} (${formatNumber(data.recomputation.lastFinished.cases)} vårdtillfällen).`
                : null}
          </p>
          <section aria-labelledby="galler-rubrik" className="mb-6">
            <h2 id="galler-rubrik" className="mb-2 text-xl font-semibold">
              Gäller i dag
            </h2>
            <ul className="list-disc pl-6">
              {data.inForceToday.map((f) => {
                const v = data.versions.find((x) => x.id === f.agreementId);
                return (
                  <li key={f.municipalityId}>
                    {nameOf.get(f.municipalityId)}: {v ? `${v.name} (version ${v.version})` : "lagens standardregel, ingen överenskommelse"}
                  </li>
                );
              })}
            </ul>
          </section>
          {data.mayManage && !editing ? (
            <button type="button" className={`${BUTTON_PRIMARY} mb-4`} onClick={() => setEditing(true)}>
              Ny version
            </button>
          ) : null}
          {editing ? (
            <div className="mb-6">
              <AgreementForm
                municipalities={data.municipalities}
                latest={latest}
                onSaved={() => {
                  setEditing(false);
                  refresh();
                }}
                onCancel={() => setEditing(false)}
              />
            </div>
          ) : null}
          <section aria-labelledby="versioner-rubrik">
            <h2 id="versioner-rubrik" className="mb-2 text-xl font-semibold">
              Versioner
            </h2>
            <ul className="space-y-3">
              {data.versions.map((v) => (
                <li key={v.id} className="rounded border border-line p-3" data-testid="agreement-version">
                  <p className="font-semibold">
                    {v.name} · version {v.version}
                  </p>
                  <p>
                    {v.municipalityId ? nameOf.get(v.municipalityId) : "Hela regionen"} · gäller {formatDate(v.validFrom)} –{" "}
                    {v.validTo ? formatDate(v.validTo) : "tills vidare"}
                    {v.createdBy ? ` · sparad ${formatDateTime(v.createdAt)} av ${v.createdBy}` : ""}
                  </p>
                  <ul className="mt-1 list-disc pl-6 text-sm">
                    {modelText(v.model).map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </section>
          <AmountsSection view={data} refresh={refresh} />
        </>
      ) : null}
    </div>
  );
}
