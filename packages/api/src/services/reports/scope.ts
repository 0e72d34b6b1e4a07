import { sql, type DbOrTx, type SQL } from "@vardkedjan/db/client";
import type { Actor } from "../../actor";
import { AppError } from "../../errors";

/**
 * Whose figures an administrator sees: a region's administrator the region's stays and those of
 * its kommuner (a stay at another region's hospital for one of its kommuner too); a kommun's
 * administrator the stays its kommun took part in; a global administrator all. `where` filters
 * case_report_facts aliased `f`.
 */
export interface ReportScope {
  name: string;
  kind: "region" | "kommun" | "alla";
  where: SQL;
}

export async function reportScope(db: DbOrTx, actor: Actor): Promise<ReportScope> {
  const hsaId = actor.context.scopeHsaId;
  if (hsaId === null) return { name: "Alla regioner", kind: "alla", where: sql`true` };
  const [org] = (
    await db.execute<{ id: string; kind: string; name: string }>(sql`select id, kind::text as kind, name from organisations where hsa_id = ${hsaId}`)
  ).rows;
  if (org?.kind === "region") {
    return {
      name: org.name,
      kind: "region",
      where: sql`(f.region_id = ${org.id} or f.municipality_id in (select id from organisations where region_id = ${org.id}))`,
    };
  }
  if (org?.kind === "kommun") return { name: org.name, kind: "kommun", where: sql`f.municipality_id = ${org.id}` };
  throw new AppError("FORBIDDEN", { userMessage: "Uppföljningsrapporterna visas för en region eller en kommun. Välj en sådan arbetsroll." });
}
