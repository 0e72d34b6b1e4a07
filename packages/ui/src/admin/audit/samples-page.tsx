"use client";
import { useRef, useState, type FormEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../trpc/react";
import { callError, type CallError } from "../../kit/call-error";
import { ErrorNotice } from "../../kit/error-notice";
import { BUTTON_PRIMARY, TextField } from "../../kit/fields";
import { HeaderRow } from "../../kit/header-row";
import { formatDateTime, toDateInput } from "../../kit/format";
import { LogReviewHeader } from "./log-nav";

/** "Stickprov": draw a random sample of the staff's accesses for a period, and the samples drawn so far. */
export function LogSamplesPage() {
  const trpc = useTRPC();
  const router = useRouter();
  const samples = useQuery(trpc.admin.audit.samples.queryOptions());
  const draw = useMutation(trpc.admin.audit.drawSample.mutationOptions());
  const today = new Date();
  const [form, setForm] = useState({ from: toDateInput(new Date(today.getTime() - 30 * 86_400_000)), to: toDateInput(today), size: "20", seed: "" });
  const [failure, setFailure] = useState<CallError | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const fieldError = (path: string) => failure?.fieldErrors.find((f) => f.path === path)?.message;
  const set = (key: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [key]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (draw.isPending) return;
    draw.mutate(
      { from: form.from, to: form.to, size: Number(form.size), seed: form.seed },
      {
        onSuccess: ({ id }) => router.push(`/loggkontroll/stickprov/${id}`),
        onError: (err) => {
          setFailure(callError(err));
          requestAnimationFrame(() => errorRef.current?.focus());
        },
      },
    );
  };
  return (
    <section aria-labelledby="stickprov-rubrik">
      <LogReviewHeader
        id="stickprov-rubrik"
        title="Stickprov"
        lead="Ta ett slumpmässigt urval av personalens åtkomster under en period och granska varje åtkomst. Urvalet kan tas om med samma frö och ger då samma åtkomster."
      />
      <form onSubmit={submit} noValidate className="mb-6 rounded border border-line bg-white p-4" aria-label="Nytt stickprov">
        <h2 className="mb-2 text-lg font-semibold">Nytt stickprov</h2>
        {failure ? <ErrorNotice ref={errorRef} error={failure} where="form" showFieldErrors /> : null}
        <div className="grid gap-x-4 sm:grid-cols-4">
          <TextField id="from" label="Från och med" type="date" value={form.from} onChange={set("from")} error={fieldError("from")} />
          <TextField id="to" label="Till och med" type="date" value={form.to} onChange={set("to")} error={fieldError("to")} />
          <TextField id="size" label="Antal åtkomster" inputMode="numeric" value={form.size} onChange={set("size")} error={fieldError("size")} />
          <TextField
            id="seed"
            label="Frö"
            hint="Lämna tomt för ett nytt slumpmässigt urval"
            optional
            value={form.seed}
            onChange={set("seed")}
            error={fieldError("seed")}
          />
        </div>
        <button type="submit" className={BUTTON_PRIMARY} disabled={draw.isPending}>
          Ta stickprov
        </button>
      </form>
      <h2 className="mb-2 text-lg font-semibold">Tagna stickprov</h2>
      {samples.error ? <ErrorNotice error={callError(samples.error)} where="page" /> : null}
      {(samples.data ?? []).length === 0 ? (
        <p>{samples.isPending ? "Hämtar stickprov …" : "Inga stickprov är tagna ännu."}</p>
      ) : (
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Tagna stickprov, senaste först</caption>
          <thead>
            <HeaderRow labels={["Period", "Granskade", "Taget", "Frö"]} />
          </thead>
          <tbody>
            {samples.data!.map((s) => (
              <tr key={s.id} className="border-b border-line">
                <td className="px-3 py-2">
                  <Link href={`/loggkontroll/stickprov/${s.id}`}>
                    {formatDateTime(s.periodFrom)} – {formatDateTime(new Date(s.periodTo.getTime() - 1))}
                  </Link>
                </td>
                <td className="px-3 py-2">
                  {s.reviewed} av {s.size}
                </td>
                <td className="px-3 py-2">
                  {s.drawnByName}, {formatDateTime(s.drawnAt)}
                </td>
                <td className="px-3 py-2 font-mono">{s.seed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
