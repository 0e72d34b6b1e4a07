// Förvaltning's "Testa inloggning" for a person with 20 commissions: the simulate service end to
// end (loads the rules, the org tree and the person's last login from PostgreSQL, evaluates with
// the login's evaluator, arranges the explanation, audits the look-up), median of 30 runs.
import { castByKey } from "@vardkedjan/db/seed";
import { sql, type Db } from "@vardkedjan/db/client";
import { LOA3 } from "@vardkedjan/domain/identity/types";
import type { Actor } from "@vardkedjan/api";
import { signIn } from "@vardkedjan/api/services/identity/sign-in";
import { simulate } from "@vardkedjan/api/services/admin/rules/simulate";

export async function benchSimulator(db: Db, admin: Actor): Promise<{ name: string; value: number; unit: string; target: number }> {
  const units = (
    await db.execute<{ hsa_id: string; name: string }>(sql`
      select u.hsa_id, u.name from units u join organisations o on o.id = u.organisation_id
      where o.hsa_id = 'SE2321000032-VG' and u.kind in ('vardavdelning', 'vardcentral') order by u.hsa_id limit 20`)
  ).rows;
  const base = castByKey("sanna.sjoberg").claims;
  const [first] = base.allCommissions as Record<string, unknown>[];
  const commissions = Array.from({ length: 20 }, (_, i) => {
    const unit = units[i % units.length]!;
    return { ...first, commissionHsaId: `SE2321000032-BENCHC${i}`, healthCareUnitHsaId: unit.hsa_id, healthCareUnitName: unit.name };
  });
  const claims = { ...base, employeeHsaId: "SE2321000032-BENCHP1", given_name: "Bänk", family_name: "Tjugouppdrag", allCommissions: commissions, acr: LOA3 };
  await signIn(db, { portal: "slutenvard", claims, maxAgeSeconds: 3600 });
  const [person] = (await db.execute<{ id: string }>(sql`select id from staff where hsa_id = 'SE2321000032-BENCHP1'`)).rows;
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    await simulate(db, admin, { staffId: person!.id });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { name: "Testa inloggning, a person with 20 commissions (median)", value: times[Math.floor(times.length / 2)]!, unit: "ms", target: 100 };
}
