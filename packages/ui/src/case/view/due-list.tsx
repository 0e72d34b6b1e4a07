import { formatDateTime } from "../../kit/format";
import { OverdueMark } from "../worklist/worklist-table";
import type { CaseView } from "../types";

/** "Att göra": the viewer's steps with their deadlines; an overdue one says so in words and red. */
export function DueList({ view, now }: { view: CaseView; now: Date }) {
  return (
    <section aria-labelledby="att-gora-rubrik" className="mb-6">
      <h2 id="att-gora-rubrik" className="mb-2 text-xl font-semibold">
        Att göra
      </h2>
      {view.due.length === 0 ? (
        <p className="text-muted">Inget att göra för din enhet just nu.</p>
      ) : (
        <ul className="grid gap-2" data-testid="due-steps">
          {view.due.map((s) => {
            const overdue = s.dueAt !== null && s.dueAt.getTime() < now.getTime();
            return (
              <li key={`${s.step}-${s.label}`} className={`rounded border bg-white p-3 ${overdue ? "border-danger" : "border-line"}`}>
                <p className={`font-medium ${overdue ? "text-danger" : ""}`}>{s.label}</p>
                {s.dueAt ? (
                  <p className={`text-sm ${overdue ? "text-danger" : "text-muted"}`}>
                    {overdue ? <OverdueMark /> : "Senast"} <time dateTime={s.dueAt.toISOString()}>{formatDateTime(s.dueAt)}</time>
                    {s.severity === "legal" ? " · lagstadgad tidsgräns" : ""}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
