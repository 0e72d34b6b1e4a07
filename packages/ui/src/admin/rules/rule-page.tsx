"use client";
import { useRef, useState } from "react";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useQueryClient, useTRPC, useTRPCClient } from "../../trpc/react";
import { ErrorNotice } from "../../kit/error-notice";
import { BUTTON_PRIMARY, BUTTON_SECONDARY } from "../../kit/fields";
import { callError, type CallError } from "../../kit/call-error";
import { formatDateTime } from "../../kit/format";
import { AffectedSessions } from "./affected-sessions";
import { RuleFormView } from "./rule-form";
import { fromRule, type SaveResult } from "./rule-form-model";

const CHANGE_LABELS = { created: "Skapad", updated: "Ändrad", disabled: "Avstängd", enabled: "Påslagen" } as const;

/** After a save reached by navigation (a new rule): the sessions that version affects. */
function AffectedAfterCreate({ ruleId, version }: { ruleId: string; version: number }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.admin.rules.affectedSessions.queryOptions({ id: ruleId, version }));
  return q.data ? <AffectedSessions ruleId={ruleId} version={version} sessions={q.data} /> : null;
}

/** One rule: what it does in words, edit, switch off/on, the sessions a save affects, and its history. */
export function RulePage({ ruleId, savedVersion }: { ruleId: string; savedVersion?: number }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const rule = useQuery(trpc.admin.rules.get.queryOptions({ id: ruleId }));
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<SaveResult | null>(null);
  const [failure, setFailure] = useState<CallError | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const d = rule.data;

  const afterSave = async (r: SaveResult) => {
    setSaved(r);
    setEditing(false);
    setFailure(null);
    await queryClient.invalidateQueries({ queryKey: trpc.admin.rules.pathKey() });
    requestAnimationFrame(() => headingRef.current?.focus());
  };
  const toggle = async () => {
    if (!d) return;
    try {
      await afterSave(await client.admin.rules.setEnabled.mutate({ id: ruleId, expectedVersion: d.rule.version, enabled: !d.rule.enabled }));
    } catch (e) {
      setFailure(callError(e));
    }
  };

  return (
    <section aria-labelledby="regel-rubrik">
      <p className="mb-2">
        <Link href="/behorighetsregler" className="text-brand-700 underline">
          Alla behörighetsregler
        </Link>
      </p>
      <h1 id="regel-rubrik" ref={headingRef} tabIndex={-1} className="mb-2 text-2xl font-semibold">
        {d ? d.rule.description : "Behörighetsregel"}
      </h1>
      {rule.error ? <ErrorNotice error={callError(rule.error)} where="page" /> : null}
      {failure ? (
        <div className="mb-4">
          <ErrorNotice error={failure} where="page" />
        </div>
      ) : null}
      {saved ? (
        <p role="status" className="mb-4 font-medium">
          Regeln är sparad som version {saved.version}.
        </p>
      ) : null}
      {saved && saved.version === d?.rule.version ? <AffectedSessions ruleId={ruleId} version={saved.version} sessions={saved.affected} /> : null}
      {!saved && savedVersion && d?.rule.version === savedVersion ? <AffectedAfterCreate ruleId={ruleId} version={savedVersion} /> : null}
      {d ? (
        <>
          <dl className="mb-4 grid gap-x-6 gap-y-2 rounded border border-line bg-white p-4 sm:grid-cols-[max-content_1fr]">
            <dt className="font-medium">Ger</dt>
            <dd data-testid="regel-ger">{d.grants}</dd>
            <dt className="font-medium">Till vem</dt>
            <dd>{d.who}</dd>
            <dt className="font-medium">Status</dt>
            <dd>{d.status}</dd>
            <dt className="font-medium">Organisation</dt>
            <dd>
              {d.owner.name}
              {d.owner.editable ? "" : " (du kan läsa men inte ändra regeln)"}
            </dd>
            <dt className="font-medium">Version</dt>
            <dd>{d.rule.version}</dd>
          </dl>
          {d.owner.editable && !editing ? (
            <div className="mb-6 flex flex-wrap gap-3">
              <button type="button" className={BUTTON_PRIMARY} onClick={() => setEditing(true)}>
                Ändra regeln
              </button>
              <button type="button" className={BUTTON_SECONDARY} onClick={() => void toggle()}>
                {d.rule.enabled ? "Stäng av regeln" : "Slå på regeln"}
              </button>
            </div>
          ) : null}
          {editing ? (
            <section aria-labelledby="andra-rubrik" className="mb-6">
              <h2 id="andra-rubrik" className="mb-2 text-xl font-semibold">
                Ändra regeln
              </h2>
              <RuleFormView
                key={d.rule.version}
                initial={fromRule(d.rule)}
                ruleId={ruleId}
                expectedVersion={d.rule.version}
                onSaved={(r) => void afterSave(r)}
                onCancel={() => setEditing(false)}
              />
            </section>
          ) : null}
          <section aria-labelledby="historik-rubrik">
            <h2 id="historik-rubrik" className="mb-2 text-xl font-semibold">
              Historik
            </h2>
            {d.history.length === 0 ? (
              <p>Regeln har inte ändrats sedan den lades in.</p>
            ) : (
              <div className="overflow-x-auto">
                <table className="w-full border border-line bg-white text-left text-sm">
                  <thead>
                    <tr className="border-b border-line bg-brand-50">
                      <th scope="col" className="px-3 py-2">
                        Version
                      </th>
                      <th scope="col" className="px-3 py-2">
                        Ändring
                      </th>
                      <th scope="col" className="px-3 py-2">
                        Ändrade uppgifter
                      </th>
                      <th scope="col" className="px-3 py-2">
                        Regeln då
                      </th>
                      <th scope="col" className="px-3 py-2">
                        Av
                      </th>
                      <th scope="col" className="px-3 py-2">
                        När
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.history.map((h) => (
                      <tr key={h.version} className="border-b border-line align-top">
                        <th scope="row" className="px-3 py-2">
                          {h.version}
                        </th>
                        <td className="px-3 py-2">{CHANGE_LABELS[h.change]}</td>
                        <td className="px-3 py-2">{h.changedFields.join(", ") || "–"}</td>
                        <td className="px-3 py-2">
                          {h.description}: {h.grants}. {h.who}
                        </td>
                        <td className="px-3 py-2">{h.changedBy ?? "Vid installationen"}</td>
                        <td className="px-3 py-2">{formatDateTime(h.changedAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      ) : rule.isPending ? (
        <p role="status">Hämtar regeln …</p>
      ) : null}
    </section>
  );
}
