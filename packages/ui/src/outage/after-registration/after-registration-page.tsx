"use client";
import { useRef, useState } from "react";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useQueryClient, useTRPC } from "../../trpc/react";
import { callError } from "../../kit/call-error";
import { ErrorNotice } from "../../kit/error-notice";
import { formatDateTime } from "../../kit/format";
import type { AfterRegistrationList } from "../labels";
import { ProgressTable } from "../progress-table";
import { TodoItem } from "./todo-item";
import { HeaderRow } from "../../kit/header-row";

function Progress({ data }: { data: AfterRegistrationList }) {
  if (data.progress.length === 0) return null;
  return (
    <section aria-labelledby="ar-progress" className="mb-6">
      <h2 id="ar-progress" className="mb-2 text-xl font-semibold">
        Läget per enhet
      </h2>
      <ProgressTable rows={data.progress} testId="after-registration-progress" />
    </section>
  );
}

/**
 * Efterregistrering: the unit's list from ended outages, computed by the region's rules. Each item
 * is registered with the ORIGINAL time of the event (the payment clock reads it) and records who
 * registered it and when; the list shows progress per unit until it is empty.
 */
export function AfterRegistrationPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.outage.afterRegistration.queryOptions());
  const [status, setStatus] = useState("");
  const statusRef = useRef<HTMLDivElement>(null);
  const data = list.data;
  const todo = data?.items.filter((i) => i.status === "att_gora") ?? [];
  const done = data?.items.filter((i) => i.status !== "att_gora") ?? [];

  const onDone = (text: string) => {
    setStatus(text);
    void queryClient.invalidateQueries(trpc.outage.afterRegistration.pathFilter());
    requestAnimationFrame(() => statusRef.current?.focus());
  };

  return (
    <section aria-labelledby="efterregistrering-rubrik">
      <h1 id="efterregistrering-rubrik" className="mb-1 text-2xl font-semibold">
        Efterregistrering
      </h1>
      <p className="mb-4 text-muted">
        Det som hände under driftstörningen och ska registreras i Vårdkedjan. Det som redan har lämnats per telefon behöver inte skrivas in igen.
        Utskrivningsklar registreras inte i efterhand, och planeringsunderlaget bara när regionens rutin säger det.
      </p>
      <div
        ref={statusRef}
        tabIndex={-1}
        role="status"
        aria-live="polite"
        data-testid="after-registration-status"
        className={status ? "mb-4 rounded border border-ok bg-ok-bg p-3 font-semibold text-ok" : "sr-only"}
      >
        {status}
      </div>
      {list.error ? <ErrorNotice error={callError(list.error)} where="page" /> : null}
      {!data && !list.error ? <p role="status">Hämtar listan …</p> : null}
      {data ? (
        <>
          <Progress data={data} />
          <section aria-labelledby="ar-todo" className="mb-8">
            <h2 id="ar-todo" className="mb-2 text-xl font-semibold">
              Att registrera ({todo.length})
            </h2>
            {todo.length === 0 ? (
              <p data-testid="after-registration-empty">Inget att efterregistrera för din enhet.</p>
            ) : (
              <ul className="grid gap-4">
                {todo.map((item) => (
                  <TodoItem key={item.id} item={item} onDone={onDone} />
                ))}
              </ul>
            )}
          </section>
          {done.length ? (
            <section aria-labelledby="ar-done">
              <h2 id="ar-done" className="mb-2 text-xl font-semibold">
                Registrerat och makulerat ({done.length})
              </h2>
              <div className="overflow-x-auto">
                <table className="w-full border border-line bg-white text-left text-sm" data-testid="after-registration-done">
                  <thead>
                    <HeaderRow labels={["Vad", "Patient", "Händelsetid", "Utfall", "Av", "När"]} />
                  </thead>
                  <tbody>
                    {done.map((i) => (
                      <tr key={i.id} className="border-b border-line last:border-b-0">
                        <th scope="row" className="px-3 py-2 font-medium">
                          {i.caseId ? <Link href={`/arenden/${i.caseId}`}>{i.title}</Link> : i.title}
                        </th>
                        <td className="px-3 py-2">{i.patientName ?? "–"}</td>
                        <td className="px-3 py-2">{formatDateTime(i.eventAt)}</td>
                        <td className="px-3 py-2">{i.status === "makulerad" ? `Makulerad: ${i.voidReason ?? ""}` : "Registrerad"}</td>
                        <td className="px-3 py-2">{i.doneBy ?? "–"}</td>
                        <td className="px-3 py-2">{formatDateTime(i.doneAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
