const KIND_LABELS: Record<string, string> = {
  sjukhus: "Sjukhus",
  vardavdelning: "Vårdavdelningar",
  vardcentral: "Vårdcentraler",
  psykiatrisk_oppenvard: "Psykiatrisk öppenvård",
  bistandsenhet: "Biståndsenheter",
  hemsjukvard: "Hemsjukvård",
  hemtjanstgrupp: "Hemtjänstgrupper",
  forvaltning: "Förvaltningsenheter",
};

export interface AdminOverviewData {
  organisationName: string | null;
  unitsByKind: Record<string, number>;
  rules: number;
}

/** Förvaltning's start page: the administrator's organisation at a glance. */
export function AdminOverviewPage({ contextLabel, data }: { contextLabel: string; data: AdminOverviewData }) {
  return (
    <section aria-labelledby="oversikt-rubrik">
      <h1 id="oversikt-rubrik" className="text-2xl font-semibold">
        Översikt{data.organisationName ? ` · ${data.organisationName}` : ""}
      </h1>
      <p className="mb-6 text-muted">{contextLabel}</p>
      <h2 className="mb-2 text-lg font-semibold">Enheter</h2>
      <dl className="mb-6 grid gap-3 sm:grid-cols-3">
        {Object.entries(data.unitsByKind).map(([kind, n]) => (
          <div key={kind} className="rounded border border-line bg-white p-4">
            <dt className="text-muted">{KIND_LABELS[kind] ?? kind}</dt>
            <dd className="text-2xl font-semibold">{n}</dd>
          </div>
        ))}
      </dl>
      <dl className="grid gap-3 sm:grid-cols-3">
        <div className="rounded border border-line bg-white p-4">
          <dt className="text-muted">Behörighetsregler</dt>
          <dd className="text-2xl font-semibold">{data.rules}</dd>
        </div>
      </dl>
    </section>
  );
}
