"use client";
import { useRef, useState } from "react";
import { useTRPCClient } from "../../trpc/react";
import { BUTTON_PRIMARY, Checkbox } from "../../kit/fields";
import { formatDateTime } from "../../kit/format";
import { callError } from "../../kit/call-error";
import type { SaveResult } from "./rule-form-model";

/**
 * After a save: the active sessions whose contexts the change alters. They change at the next
 * login; the editor may end them now (the person is logged out in every portal at once).
 */
export function AffectedSessions({ ruleId, version, sessions }: { ruleId: string; version: number; sessions: SaveResult["affected"] }) {
  const client = useTRPCClient();
  const [chosen, setChosen] = useState<string[]>(sessions.map((s) => s.loginSessionId));
  const [status, setStatus] = useState<string | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const [ended, setEnded] = useState<string[]>([]);
  const open = sessions.filter((s) => !ended.includes(s.loginSessionId));
  const end = async () => {
    try {
      const res = await client.admin.rules.endAffected.mutate({ id: ruleId, version, sessionIds: chosen });
      setEnded((e) => [...e, ...chosen]);
      setStatus(res.ended === 1 ? "1 session avslutades." : `${res.ended} sessioner avslutades.`);
    } catch (e) {
      setStatus(callError(e).message);
    }
    requestAnimationFrame(() => statusRef.current?.focus());
  };
  return (
    <section aria-labelledby="paverkade-rubrik" className="mb-6 rounded border border-brand-600 bg-brand-50 p-3" data-testid="paverkade-sessioner">
      <h2 id="paverkade-rubrik" className="text-lg font-semibold">
        Inloggade som påverkas av ändringen
      </h2>
      <p className="mb-2">Ändringen gäller från nästa inloggning. Du kan avsluta sessionerna nu, så loggas personerna ut i alla portaler.</p>
      {open.length === 0 ? (
        <p>Inga aktiva sessioner påverkas.</p>
      ) : (
        <>
          <ul className="mb-3 grid gap-2">
            {open.map((s) => (
              <li key={s.loginSessionId}>
                <Checkbox
                  id={`session-${s.loginSessionId}`}
                  label={`${s.name} (${s.hsaId}), ${s.portalLabel}, senast aktiv ${formatDateTime(s.lastSeenAt)}`}
                  hint={[s.gained.length ? `Får: ${s.gained.join("; ")}` : "", s.lost.length ? `Förlorar: ${s.lost.join("; ")}` : ""]
                    .filter(Boolean)
                    .join(". ")}
                  checked={chosen.includes(s.loginSessionId)}
                  onChange={(on) => setChosen((c) => (on ? [...c, s.loginSessionId] : c.filter((x) => x !== s.loginSessionId)))}
                />
              </li>
            ))}
          </ul>
          <button type="button" className={BUTTON_PRIMARY} disabled={chosen.filter((c) => !ended.includes(c)).length === 0} onClick={() => void end()}>
            Avsluta valda sessioner
          </button>
        </>
      )}
      <p ref={statusRef} tabIndex={-1} role="status" className="mt-2">
        {status}
      </p>
    </section>
  );
}
