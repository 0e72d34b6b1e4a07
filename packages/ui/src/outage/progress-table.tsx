import type { AfterRegistrationList } from "./labels";

/** A unit's after-registration progress: the unit's list and the outage's page get the same shape from the API. */
type UnitProgress = AfterRegistrationList["progress"][number];

/** After-registration per unit: done, left and a progress bar. `testId` names the table for the browser tests. */
export function ProgressTable({ rows, testId }: { rows: readonly UnitProgress[]; testId: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full max-w-3xl border border-line bg-white text-left text-sm" data-testid={testId}>
        <thead>
          <tr className="border-b border-line bg-brand-50">
            <th scope="col" className="px-3 py-2">
              Enhet
            </th>
            <th scope="col" className="px-3 py-2">
              Klart
            </th>
            <th scope="col" className="px-3 py-2">
              Kvar
            </th>
            <th scope="col" className="px-3 py-2">
              Förlopp
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.unitId} className="border-b border-line last:border-b-0">
              <th scope="row" className="px-3 py-2 font-medium">
                {p.unitName}
              </th>
              <td className="px-3 py-2">
                {p.done} av {p.total}
              </td>
              <td className="px-3 py-2">{p.complete ? "Allt klart" : p.pending}</td>
              <td className="px-3 py-2">
                <progress value={p.done} max={p.total} aria-label={`${p.unitName}: ${p.done} av ${p.total} klara`} className="h-3 w-32 accent-brand-700" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
