import Link from "next/link";
import type { RouterOutputs } from "@vardkedjan/api";
import { formatDateTime } from "../kit/format";
import { systemLabel } from "../outage/labels";

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

export type AdminOverviewData = RouterOutputs["admin"]["overview"];

function Card({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded border border-line bg-white p-4" data-testid={id}>
      <h2 id={id} className="mb-2 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function CountLink({ count, href, none, some }: { count: number; href: string; none: string; some: (n: number) => string }) {
  return count === 0 ? (
    <p>{none}</p>
  ) : (
    <p>
      <Link href={href} className="font-medium">
        {some(count)}
      </Link>
    </p>
  );
}

/** Förvaltning's start page: what needs the administrator's attention in their organisation. */
export function AdminOverviewPage({ contextLabel, data }: { contextLabel: string; data: AdminOverviewData }) {
  return (
    <section aria-labelledby="oversikt-rubrik">
      <h1 id="oversikt-rubrik" className="text-2xl font-semibold">
        Översikt{data.organisationName ? ` · ${data.organisationName}` : ""}
      </h1>
      <p className="mb-6 text-muted">{contextLabel}</p>
      <div className="mb-8 grid gap-4 lg:grid-cols-2">
        <Card id="oversikt-driftstorningar" title="Pågående driftstörningar">
          {data.outages.length === 0 ? (
            <p>Ingen driftstörning pågår.</p>
          ) : (
            <ul className="list-disc pl-6">
              {data.outages.map((o) => (
                <li key={o.id}>
                  <Link href={`/driftstorningar/${o.id}`}>{systemLabel(o.system, o.systemDetail)}</Link>, sedan {formatDateTime(o.startedAt)}
                </li>
              ))}
            </ul>
          )}
        </Card>
        {data.logReviewFlags ? (
          <Card id="oversikt-loggkontroll" title="Loggkontroll: flaggor att granska">
            <CountLink
              count={data.logReviewFlags.count}
              href={data.logReviewFlags.href}
              none="Inga flaggade åtkomster väntar på granskning."
              some={(n) => `${n} flaggade åtkomster väntar på granskning`}
            />
          </Card>
        ) : null}
        {data.openDeviations ? (
          <Card id="oversikt-avvikelser" title="Öppna avvikelser">
            <CountLink count={data.openDeviations.count} href={data.openDeviations.href} none="Inga öppna avvikelser." some={(n) => `${n} öppna avvikelser`} />
          </Card>
        ) : null}
        {data.recentRules ? <RecentRules rules={data.recentRules} total={data.rules} /> : null}
        {data.unitsWithoutPhone ? <UnitsWithoutPhone units={data.unitsWithoutPhone} /> : null}
      </div>
      {Object.keys(data.unitsByKind).length > 0 ? (
        <>
          <h2 className="mb-2 text-lg font-semibold">Enheter</h2>
          <dl className="mb-6 grid gap-3 sm:grid-cols-3">
            {Object.entries(data.unitsByKind).map(([kind, n]) => (
              <div key={kind} className="rounded border border-line bg-white p-4">
                <dt className="text-muted">{KIND_LABELS[kind] ?? kind}</dt>
                <dd className="text-2xl font-semibold">{n}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
    </section>
  );
}

function RecentRules({ rules, total }: { rules: NonNullable<AdminOverviewData["recentRules"]>; total: number }) {
  return (
    <Card id="oversikt-regler" title="Behörighetsregler ändrade senaste 30 dagarna">
      {rules.length === 0 ? (
        <p>Inga regler har ändrats de senaste 30 dagarna ({total} regler totalt).</p>
      ) : (
        <ul className="list-disc pl-6">
          {rules.map((r) => (
            <li key={r.id}>
              <Link href={`/behorighetsregler/${encodeURIComponent(r.id)}`}>{r.description}</Link> (version {r.version}
              {r.enabled ? "" : ", avstängd"}), {formatDateTime(r.updatedAt)}
              {r.updatedBy ? ` av ${r.updatedBy}` : ""}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function UnitsWithoutPhone({ units }: { units: NonNullable<AdminOverviewData["unitsWithoutPhone"]> }) {
  return (
    <Card id="oversikt-telefon" title="Enheter som saknar telefonnummer">
      {units.length === 0 ? (
        <p>Alla aktiva enheter har ett telefonnummer.</p>
      ) : (
        <ul className="list-disc pl-6">
          {units.map((u) => (
            <li key={u.id}>
              <Link href={`/organisation?enhet=${u.id}`} aria-label={`Ange telefonnummer för ${u.name}`}>
                {u.name}
              </Link>{" "}
              <span className="text-muted">({u.hsaId})</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
