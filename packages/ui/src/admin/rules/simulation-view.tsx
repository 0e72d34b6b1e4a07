"use client";
import type { SimulationResult } from "./rule-form-model";

type Simulation = SimulationResult["before"];
type Line = Simulation["personLevel"][number];

const OUTCOME_TEXT: Record<Simulation["commissions"][number]["outcome"], string> = {
  granted: "Ger behörighet",
  inactive: "Används inte",
  no_rule_matched: "Ingen regel gav något",
  denied: "Nekad av en regel",
  refused: "Stoppad av kontrollerna",
};

function Reason({ line }: { line: Line }) {
  return (
    <li>
      <span className="font-medium">{line.ruleDescription}</span>
      {line.commission ? <span className="text-muted"> · uppdrag {line.commission}</span> : null}
      <br />
      {line.text}
    </li>
  );
}

/** One simulation: per portal the contexts and why, what was denied, and why each commission gave what it gave. */
export function SimulationView({ sim, headingLevel = 2, idPrefix }: { sim: Simulation; headingLevel?: 2 | 3; idPrefix: string }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  const withContexts = sim.portals.filter((p) => p.contexts.length > 0 || p.denied.length > 0);
  return (
    <div className="grid gap-4" data-testid={`${idPrefix}-simulering`}>
      <p>
        {sim.person.name} ({sim.person.employeeHsaId}){sim.person.loa ? ` · ${sim.person.loa.replace(/^.*loa(\d)$/, "tillitsnivå $1")}` : ""}
      </p>
      <section aria-labelledby={`${idPrefix}-portaler`}>
        <H id={`${idPrefix}-portaler`} className="mb-2 text-lg font-semibold">
          Arbetssammanhang per portal
        </H>
        {withContexts.length === 0 ? (
          <div className="rounded border border-line bg-white p-3">
            <p className="font-medium">Inloggningen ger inget arbetssammanhang.</p>
            {sim.summary.length > 0 ? (
              <ul className="mt-1 list-disc pl-6">
                {sim.summary.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {withContexts.map((p) => (
          <section key={p.portal} aria-labelledby={`${idPrefix}-${p.portal}`} className="mb-3 rounded border border-line bg-white p-3">
            <Sub id={`${idPrefix}-${p.portal}`} className="font-semibold">
              {p.portalLabel}
            </Sub>
            {p.contexts.length > 0 ? (
              <ul className="mt-1 grid gap-2">
                {p.contexts.map((c) => (
                  <li key={c.contextId}>
                    <span className="font-medium">{c.label}</span>
                    <ul className="ml-5 list-disc text-sm">
                      {c.grantedBy.map((g, i) => (
                        <li key={i}>
                          Ges av regeln {g.ruleDescription}
                          {g.commission ? ` (uppdrag ${g.commission})` : " (på personnivå)"}
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            ) : (
              <p>Inget arbetssammanhang.</p>
            )}
            {p.denied.length > 0 ? (
              <>
                <p className="mt-2 font-medium">Nekat (nekande regel går före tillåtande):</p>
                <ul className="ml-5 list-disc text-sm">
                  {p.denied.map((d, i) => (
                    <li key={i}>
                      {d.label}: skulle ges av {d.grantedBy.ruleDescription}, men nekas av {d.deniedByDescription}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
        ))}
      </section>
      {sim.commissions.length > 0 ? (
        <section aria-labelledby={`${idPrefix}-uppdrag`}>
          <H id={`${idPrefix}-uppdrag`} className="mb-2 text-lg font-semibold">
            Medarbetaruppdrag
          </H>
          <ul className="grid gap-2">
            {sim.commissions.map((c) => (
              <li key={c.hsaId} className="rounded border border-line bg-white p-3">
                <p className="font-medium">
                  {c.label}: {OUTCOME_TEXT[c.outcome]}
                </p>
                {c.inactiveReason ? <p>{c.inactiveReason}</p> : null}
                {c.lines.length > 0 ? (
                  <details className="mt-1">
                    <summary className="cursor-pointer text-brand-700">Visa varför ({c.lines.length})</summary>
                    <ul className="mt-1 ml-5 grid list-disc gap-1 text-sm">
                      {c.lines.map((l, i) => (
                        <Reason key={i} line={l} />
                      ))}
                    </ul>
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby={`${idPrefix}-person`}>
        <H id={`${idPrefix}-person`} className="mb-2 text-lg font-semibold">
          Regler på personnivå
        </H>
        <details>
          <summary className="cursor-pointer text-brand-700">Visa hur reglerna på personnivå prövades ({sim.personLevel.length})</summary>
          <ul className="mt-1 ml-5 grid list-disc gap-1 text-sm">
            {sim.personLevel.map((l, i) => (
              <Reason key={i} line={l} />
            ))}
          </ul>
        </details>
        {sim.notApplied.length > 0 ? (
          <>
            <p className="mt-2 font-medium">Prövades inte:</p>
            <ul className="ml-5 list-disc text-sm">
              {sim.notApplied.map((l, i) => (
                <li key={i}>
                  {l.ruleDescription}: {l.text}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </div>
  );
}

/** "Före / efter": what the draft would change, per portal, then both simulations side by side. */
export function BeforeAfterView({ result }: { result: SimulationResult }) {
  const diff = result.diff;
  return (
    <section aria-labelledby="fore-efter-rubrik" className="grid gap-4" data-testid="fore-efter">
      <h2 id="fore-efter-rubrik" className="text-lg font-semibold">
        Före och efter ändringen
      </h2>
      <div role="status" className="rounded border border-brand-600 bg-brand-50 p-3">
        {!diff || !diff.changed ? (
          <p>Ändringen påverkar inte vilka arbetssammanhang personen får.</p>
        ) : (
          <ul className="grid gap-2">
            {diff.portals.map((p) => (
              <li key={p.portal}>
                <span className="font-medium">{p.portalLabel}:</span>
                <ul className="ml-5 list-disc">
                  {p.added.map((l) => (
                    <li key={`+${l}`}>Tillkommer: {l}</li>
                  ))}
                  {p.removed.map((l) => (
                    <li key={`-${l}`}>Försvinner: {l}</li>
                  ))}
                  {p.changed.map((l) => (
                    <li key={`~${l}`}>Ges av andra regler: {l}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <section aria-labelledby="fore-rubrik">
          <h3 id="fore-rubrik" className="mb-2 font-semibold">
            Före (reglerna som gäller nu)
          </h3>
          <SimulationView sim={result.before} headingLevel={3} idPrefix="fore" />
        </section>
        {result.after ? (
          <section aria-labelledby="efter-rubrik">
            <h3 id="efter-rubrik" className="mb-2 font-semibold">
              Efter (med ändringen)
            </h3>
            <SimulationView sim={result.after} headingLevel={3} idPrefix="efter" />
          </section>
        ) : null}
      </div>
    </section>
  );
}
