"use client";
import { useId, useState } from "react";
import { useTRPCClient } from "../../trpc/react";
import { BUTTON_SECONDARY } from "../../kit/fields";
import { formatDateTime } from "../../kit/format";
import { callError } from "../../kit/call-error";

export interface PickedPerson {
  staffId: string;
  name: string;
  hsaId: string;
}

type Match = PickedPerson & { title: string | null; lastLoginAt: Date | null };

/** Search staff by name or HSA-id and pick one; the results are a list of buttons (keyboard and screen reader friendly). */
export function PersonPicker({ value, onChange, id: givenId }: { value: PickedPerson | null; onChange: (p: PickedPerson | null) => void; id?: string }) {
  const own = useId();
  const id = givenId ?? own;
  const client = useTRPCClient();
  const [q, setQ] = useState("");
  const [matches, setMatches] = useState<Match[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const search = async () => {
    setProblem(null);
    try {
      setMatches(await client.admin.rules.findPeople.query({ query: q }));
    } catch (e) {
      setProblem(callError(e).message);
    }
  };
  if (value) {
    return (
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <p id={`${id}-vald`}>
          Vald person: <span className="font-medium">{value.name}</span> ({value.hsaId})
        </p>
        <button type="button" className={BUTTON_SECONDARY} onClick={() => onChange(null)}>
          Välj en annan person
        </button>
      </div>
    );
  }
  return (
    <div className="mb-4">
      <label htmlFor={`${id}-sok`} className="block font-medium">
        Sök person
      </label>
      <p id={`${id}-hint`} className="mt-1 text-sm text-muted">
        Namn eller HSA-id. Personen testas med uppgifterna från sin senaste inloggning.
      </p>
      <div className="mt-1 flex gap-2">
        <input
          id={`${id}-sok`}
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              void search();
            }
          }}
          aria-describedby={`${id}-hint`}
          autoComplete="off"
          className="block w-full rounded border border-muted bg-white px-3 py-2"
        />
        <button type="button" className={BUTTON_SECONDARY} onClick={() => void search()}>
          Sök
        </button>
      </div>
      <div aria-live="polite">
        {problem ? <p className="mt-1 text-danger">{problem}</p> : null}
        {matches !== null ? (
          matches.length === 0 ? (
            <p className="mt-1">Ingen person hittades. Sök på minst två tecken av namnet, eller hela HSA-id:t.</p>
          ) : (
            <ul className="mt-2 grid gap-1" aria-label="Personer att välja">
              {matches.map((m) => (
                <li key={m.staffId}>
                  <button
                    type="button"
                    className="text-left text-brand-700 underline"
                    onClick={() => onChange({ staffId: m.staffId, name: m.name, hsaId: m.hsaId })}
                  >
                    {m.name}
                    {m.title ? `, ${m.title}` : ""} ({m.hsaId})
                  </button>
                  <span className="text-sm text-muted"> · {m.lastLoginAt ? `senast inloggad ${formatDateTime(m.lastLoginAt)}` : "har inte loggat in"}</span>
                </li>
              ))}
            </ul>
          )
        ) : null}
      </div>
    </div>
  );
}
