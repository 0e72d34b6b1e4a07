"use client";
import { useState } from "react";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../trpc/react";
import { ErrorNotice } from "../../kit/error-notice";
import { SelectField } from "../../kit/fields";
import { callError } from "../../kit/call-error";
import { formatDateTime } from "../../kit/format";

/** Behörighetsregler: the organisation's rules as a list (what each grants, to whom, status); a region also reads its kommuners. */
export function RulesListPage() {
  const trpc = useTRPC();
  const [owner, setOwner] = useState<string>("");
  const list = useQuery(trpc.admin.rules.list.queryOptions(owner ? { ownerHsaId: owner } : {}));
  const data = list.data;
  return (
    <section aria-labelledby="regler-rubrik">
      <h1 id="regler-rubrik" className="text-2xl font-semibold">
        Behörighetsregler{data ? ` · ${data.owner.name}` : ""}
      </h1>
      <p className="mb-4 text-muted">
        Reglerna avgör vilka arbetssammanhang en inloggning ger. En ändring gäller från nästa inloggning. En nekande regel går alltid före en regel som ger
        behörighet.
      </p>
      {data && data.owners.length > 1 ? (
        <div className="max-w-md">
          <SelectField
            id="regler-agare"
            label="Organisation"
            hint="Kommunernas regler kan du läsa men inte ändra."
            value={owner || data.owners[0]!.hsaId}
            onChange={setOwner}
            options={data.owners.map((o) => ({ value: o.hsaId, label: o.editable ? o.name : `${o.name} (läsbehörighet)` }))}
          />
        </div>
      ) : null}
      {list.error ? <ErrorNotice error={callError(list.error)} where="page" /> : null}
      {data?.owner.editable ? (
        <p className="mb-4">
          <Link href="/behorighetsregler/ny" className="font-medium text-brand-700 underline">
            Ny regel
          </Link>
        </p>
      ) : null}
      {data ? (
        <div className="overflow-x-auto">
          <table className="w-full border border-line bg-white text-left text-sm">
            <caption className="sr-only">Behörighetsregler för {data.owner.name}</caption>
            <thead>
              <tr className="border-b border-line bg-brand-50">
                <th scope="col" className="px-3 py-2">
                  Regel
                </th>
                <th scope="col" className="px-3 py-2">
                  Ger
                </th>
                <th scope="col" className="px-3 py-2">
                  Till vem
                </th>
                <th scope="col" className="px-3 py-2">
                  Status
                </th>
                <th scope="col" className="px-3 py-2">
                  Version
                </th>
                <th scope="col" className="px-3 py-2">
                  Senast ändrad
                </th>
              </tr>
            </thead>
            <tbody>
              {data.rules.map((r) => (
                <tr key={r.id} className="border-b border-line align-top">
                  <th scope="row" className="px-3 py-2 font-medium">
                    <Link href={`/behorighetsregler/${encodeURIComponent(r.id)}`} className="text-brand-700 underline">
                      {r.description}
                    </Link>
                  </th>
                  <td className="px-3 py-2">{r.grants}</td>
                  <td className="px-3 py-2">{r.who}</td>
                  <td className="px-3 py-2">{r.status}</td>
                  <td className="px-3 py-2">{r.version}</td>
                  <td className="px-3 py-2">
                    {formatDateTime(r.updatedAt)}
                    {r.updatedBy ? `, ${r.updatedBy}` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : list.isPending ? (
        <p role="status">Hämtar reglerna …</p>
      ) : null}
    </section>
  );
}
