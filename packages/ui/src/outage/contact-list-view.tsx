import type { ReactNode } from "react";
import type { ContactRow } from "./labels";

export interface ContactGroup<E extends ContactRow> {
  organisationId: string;
  organisationName: string;
  units: { key: string; name: string; entries: E[] }[];
}

/** Organisation, then unit (the organisation's own entries first), in the API's order. */
export function groupContacts<E extends ContactRow>(entries: readonly E[]): ContactGroup<E>[] {
  const orgs = new Map<string, ContactGroup<E>>();
  for (const e of entries) {
    let org = orgs.get(e.organisationId);
    if (!org) {
      org = { organisationId: e.organisationId, organisationName: e.organisationName, units: [] };
      orgs.set(e.organisationId, org);
    }
    const key = e.unitId ?? `org:${e.organisationId}`;
    let unit = org.units.find((u) => u.key === key);
    if (!unit) {
      unit = { key, name: e.unitName ?? `${e.organisationName} (gemensamt)`, entries: [] };
      if (e.unitId === null) org.units.unshift(unit);
      else org.units.push(unit);
    }
    unit.entries.push(e);
  }
  return [...orgs.values()];
}

/** A phone number as a tel: link (spaces and dashes dropped from the link only). */
export function PhoneLink({ phone }: { phone: string }) {
  return (
    <a href={`tel:${phone.replace(/[^+\d]/g, "")}`} className="whitespace-nowrap font-medium">
      {phone}
    </a>
  );
}

export function contactMatches(e: ContactRow, q: string): boolean {
  if (!q) return true;
  const hay = [e.organisationName, e.unitName, e.function, e.openingHours, e.functionMailbox, e.postalAddress, e.note, ...e.phones]
    .filter(Boolean)
    .join(" ")
    .toLowerCase();
  return q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w));
}

/**
 * Kontaktlista driftstörning, grouped by organisation and unit: one table per unit with function,
 * phone numbers (call links), opening hours, mailbox and postal address. `actions` adds a last
 * column (the administrators' edit buttons).
 */
export function ContactListTables<E extends ContactRow>({
  entries,
  headingLevel = 2,
  actions,
  actionsHeader = "Ändra",
  emptyText = "Kontaktlistan är tom.",
  organisationHeadings = true,
}: {
  entries: readonly E[];
  /** The organisations' heading level; the units' is one below (or this one without organisation headings). */
  headingLevel?: 2 | 3;
  actions?: (e: E) => ReactNode;
  actionsHeader?: string;
  emptyText?: string;
  organisationHeadings?: boolean;
}) {
  const groups = groupContacts(entries);
  if (groups.length === 0) return <p className="text-muted">{emptyText}</p>;
  const H = headingLevel === 2 ? "h2" : "h3";
  const U = organisationHeadings ? (headingLevel === 2 ? "h3" : "h4") : H;
  const Wrap = organisationHeadings ? "section" : "div";
  return (
    <div className="grid gap-6" data-testid="contact-list">
      {groups.map((g) => (
        <Wrap key={g.organisationId} aria-labelledby={organisationHeadings ? `org-${g.organisationId}` : undefined}>
          {organisationHeadings ? (
            <H id={`org-${g.organisationId}`} className="mb-2 text-xl font-semibold">
              {g.organisationName}
            </H>
          ) : null}
          <div className="grid gap-4">
            {g.units.map((u) => (
              <div key={u.key} className="overflow-x-auto rounded border border-line bg-white">
                <U id={`enhet-${g.organisationId}-${u.key}`} className="border-b border-line bg-brand-50 px-3 py-2 font-semibold">
                  {u.name}
                </U>
                <table className="w-full text-left text-sm" aria-labelledby={`enhet-${g.organisationId}-${u.key}`}>
                  <thead>
                    <tr className="border-b border-line">
                      <th scope="col" className="px-3 py-2">
                        Funktion
                      </th>
                      <th scope="col" className="px-3 py-2">
                        Telefon
                      </th>
                      <th scope="col" className="px-3 py-2">
                        Öppettider
                      </th>
                      <th scope="col" className="px-3 py-2">
                        Funktionsbrevlåda
                      </th>
                      <th scope="col" className="px-3 py-2">
                        Postadress
                      </th>
                      {actions ? (
                        <th scope="col" className="px-3 py-2">
                          {actionsHeader}
                        </th>
                      ) : null}
                    </tr>
                  </thead>
                  <tbody>
                    {u.entries.map((e) => (
                      <tr key={e.id} className="border-b border-line align-top last:border-b-0">
                        <th scope="row" className="px-3 py-2 font-medium">
                          {e.function}
                          {e.note ? <span className="block font-normal text-muted">{e.note}</span> : null}
                        </th>
                        <td className="px-3 py-2">
                          <ul>
                            {e.phones.map((p) => (
                              <li key={p}>
                                <PhoneLink phone={p} />
                              </li>
                            ))}
                          </ul>
                        </td>
                        <td className="px-3 py-2">{e.openingHours ?? <span className="text-muted">Ej angivet</span>}</td>
                        <td className="px-3 py-2 break-all">{e.functionMailbox ?? "–"}</td>
                        <td className="px-3 py-2">{e.postalAddress ?? "–"}</td>
                        {actions ? <td className="px-3 py-2">{actions(e)}</td> : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ))}
          </div>
        </Wrap>
      ))}
    </div>
  );
}
