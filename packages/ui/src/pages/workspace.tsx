import type { Portal } from "@vardkedjan/domain/identity/types";

const STAGE_LABELS: Record<string, string> = {
  inskriven: "Inskrivna, inskrivningsmeddelande ej skickat",
  planering: "Under planering",
  utskrivningsklar: "Utskrivningsklara",
  utskriven: "Utskrivna, samordning pågår",
};

export interface WorkspaceData {
  openCases: number;
  byStage: Record<string, number>;
  unacknowledgedMessages: number;
}

/** Min arbetsyta: the active context's real worklist. */
export function WorkspacePage({ heading, contextLabel, data }: { portal: Portal; heading: string; contextLabel: string; data: WorkspaceData }) {
  return (
    <section aria-labelledby="arbetsyta-rubrik">
      <h1 id="arbetsyta-rubrik" className="text-2xl font-semibold">
        {heading}
      </h1>
      <p className="mb-6 text-muted">{contextLabel}</p>
      {data.openCases === 0 ? (
        <div className="rounded border border-line bg-white p-6" data-testid="workspace-empty">
          <h2 className="text-lg font-semibold">Inga pågående ärenden</h2>
          <p className="text-muted">När en samordning startas för en patient vid din enhet visas den här, sorterad efter vad som förfaller först.</p>
        </div>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2" data-testid="workspace-summary">
          {Object.entries(data.byStage).map(([stage, n]) => (
            <div key={stage} className="rounded border border-line bg-white p-4">
              <p className="text-3xl font-semibold">{n}</p>
              <p className="text-muted">{STAGE_LABELS[stage] ?? stage}</p>
            </div>
          ))}
          <div className="rounded border border-line bg-white p-4">
            <p className="text-3xl font-semibold">{data.unacknowledgedMessages}</p>
            <p className="text-muted">Meddelanden att kvittera</p>
          </div>
        </div>
      )}
    </section>
  );
}
