import { sql, type Db, type SQL } from "@vardkedjan/db/client";
import { flagsForAccess, type AccessParty } from "@vardkedjan/domain/audit/flags";
import { AUDIT_FLAG_LABELS, AUDIT_REVIEW_OUTCOME_LABELS, type AuditFlagKind, type AuditReviewOutcome } from "@vardkedjan/domain/audit/review";
import type { Actor } from "../../../actor";
import { writeAudit } from "../../../audit";
import { loadOrgTree } from "../../identity/org-tree";
import { fetchLogRows, type AuditLogRow } from "./search";
import { reviewerOrganisation } from "./scope";

const SCAN_ID = "flags";
/** Re-read this much before the last scan's end: a transaction that committed late is not missed (flags are unique per row and kind). */
const OVERLAP_MS = 10 * 60_000;
const BATCH = 2000;
/** A run reads at most this many batches, so catching up on a long log is many short transactions, not one long one. */
const MAX_BATCHES = 25;

type Candidate = {
  id: string;
  at: Date;
  unit_hsa_id: string | null;
  actor_org_hsa_id: string;
  case_id: string | null;
  actor_family_name: string | null;
  actor_region_hsa_id: string | null;
  protected_identity: boolean;
  patient_family_name: string;
  patient_region_hsa_id: string | null;
  case_region_hsa_id: string | null;
};

/**
 * Reads the PDL accesses logged since the last run and stores the flags the domain raises for
 * each (domain/audit/flags.ts). Run by a background job every minute and before the flags list is
 * shown; idempotent. Only successful accesses by staff of a known organisation are considered.
 */
export async function detectAuditFlags(db: Db, now: Date = new Date(), limits = { batch: BATCH, maxBatches: MAX_BATCHES }): Promise<number> {
  return db.transaction(async (tx) => {
    // One scan at a time: the row lock orders concurrent runs (the job, a page load).
    await tx.execute(sql`insert into audit_flag_scans (id, scanned_until) values (${SCAN_ID}, 'epoch') on conflict (id) do nothing`);
    const [scan] = (
      await tx.execute<{ scanned_until: Date; resume_at: Date | null; resume_id: string | null }>(
        sql`select scanned_until, resume_at, resume_id::text from audit_flag_scans where id = ${SCAN_ID} for update`,
      )
    ).rows;
    // A catch-up under way goes on right after the last access it read; a finished scan is read
    // again from a little before its end, for transactions that committed late.
    let after: { at: Date; id: string } | null = scan?.resume_at && scan.resume_id ? { at: new Date(scan.resume_at), id: scan.resume_id } : null;
    const from = after ? after.at : new Date(Math.max(0, new Date(scan!.scanned_until).getTime() - OVERLAP_MS));
    const tree = await loadOrgTree(tx);
    let created = 0;
    let complete = false;
    for (let round = 0; round < limits.maxBatches; round++) {
      const cursor: SQL = after ? sql`and (a.at, a.id) > (${after.at.toISOString()}::timestamptz, ${after.id}::bigint)` : sql``;
      const batch: Candidate[] = (
        await tx.execute<Candidate>(sql`
          select a.id::text as id, a.at, a.unit_hsa_id, a.actor_org_hsa_id, a.case_id,
                 s.family_name as actor_family_name,
                 (select r.hsa_id from organisations ao join organisations r on r.id = coalesce(ao.region_id, ao.id) where ao.hsa_id = a.actor_org_hsa_id) as actor_region_hsa_id,
                 p.protected_identity, p.family_name as patient_family_name,
                 (select r.hsa_id from organisations k join organisations r on r.id = coalesce(k.region_id, k.id) where k.municipality_code = p.municipality_code) as patient_region_hsa_id,
                 (select r.hsa_id from coordination_cases c join organisations r on r.id = c.region_id where c.id = a.case_id) as case_region_hsa_id
          from audit_events a
          join patients p on p.id = a.patient_id
          left join staff s on s.id = a.actor_staff_id
          where a.at >= ${from.toISOString()}::timestamptz and a.at < ${now.toISOString()}::timestamptz
            and a.category = 'pdl' and a.outcome = 'success' and a.actor_org_hsa_id is not null ${cursor}
          order by a.at, a.id
          limit ${limits.batch}`)
      ).rows;
      if (batch.length === 0) {
        complete = true;
        break;
      }
      const caseIds = [...new Set(batch.map((b) => b.case_id).filter((c): c is string => c !== null))];
      const parties = new Map<string, AccessParty[]>();
      if (caseIds.length > 0) {
        const rows = await tx.execute<{ case_id: string; unit_hsa_id: string; visible_from: Date | null; removed_at: Date | null }>(sql`
          select cp.case_id, u.hsa_id as unit_hsa_id, cp.visible_from, cp.removed_at
          from case_parties cp join units u on u.id = cp.unit_id
          where cp.case_id in (${sql.join(
            caseIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`);
        for (const r of rows.rows) {
          // A party sees the case from visible_from (domain/case/party-visibility.ts); one not yet visible is not a party yet.
          if (!r.visible_from) continue;
          const list = parties.get(r.case_id) ?? [];
          list.push({ unitHsaId: r.unit_hsa_id, addedAt: new Date(r.visible_from), removedAt: r.removed_at ? new Date(r.removed_at) : null });
          parties.set(r.case_id, list);
        }
      }
      for (const b of batch) {
        const kinds = flagsForAccess(
          {
            at: new Date(b.at),
            unitHsaId: b.unit_hsa_id,
            actor: { familyName: b.actor_family_name, regionHsaId: b.actor_region_hsa_id },
            patient: { protectedIdentity: b.protected_identity, familyName: b.patient_family_name, homeRegionHsaId: b.patient_region_hsa_id },
            kase: b.case_id ? { regionHsaId: b.case_region_hsa_id, parties: parties.get(b.case_id) ?? [] } : null,
          },
          tree,
        );
        for (const kind of kinds) {
          const res = await tx.execute(sql`
            insert into audit_flags (event_id, event_at, kind, org_hsa_id)
            values (${b.id}::bigint, ${new Date(b.at).toISOString()}::timestamptz, ${kind}, ${b.actor_org_hsa_id})
            on conflict (event_id, kind) do nothing`);
          created += res.rowCount ?? 0;
        }
      }
      const last: Candidate = batch[batch.length - 1]!;
      after = { at: new Date(last.at), id: last.id };
      if (batch.length < limits.batch) {
        complete = true;
        break;
      }
    }
    if (complete || !after) {
      await tx.execute(
        sql`update audit_flag_scans set scanned_until = ${now.toISOString()}::timestamptz, resume_at = null, resume_id = null where id = ${SCAN_ID}`,
      );
    } else {
      await tx.execute(
        sql`update audit_flag_scans set resume_at = ${after.at.toISOString()}::timestamptz, resume_id = ${after.id}::bigint where id = ${SCAN_ID}`,
      );
    }
    return created;
  });
}

export interface AuditFlagView {
  id: string;
  kind: AuditFlagKind;
  label: string;
  row: AuditLogRow;
  review: { outcome: AuditReviewOutcome; outcomeLabel: string; note: string | null; reviewerName: string; reviewedAt: Date } | null;
}

const PENDING = sql`not exists (select 1 from audit_reviews r where r.flag_id = f.id)`;

/** The path of the flags list in Förvaltning. */
export const LOG_FLAGS_PATH = "/loggkontroll/flaggor";

/**
 * For the start page: how many flags of the actor's organisation await review, and where they are
 * listed. Not audited (a count names no patient and no person).
 */
export async function countPendingLogFlags(db: Db, actor: Actor): Promise<{ count: number; href: string }> {
  const org = await reviewerOrganisation(db, actor);
  const res = await db.execute<{ n: number }>(sql`select count(*)::int as n from audit_flags f where f.org_hsa_id = ${org.hsaId} and ${PENDING}`);
  return { count: res.rows[0]?.n ?? 0, href: LOG_FLAGS_PATH };
}

/** The organisation's flags, pending first (or only), newest access first; the listing is audited. */
export async function listAuditFlags(db: Db, actor: Actor, opts: { pendingOnly: boolean }): Promise<AuditFlagView[]> {
  const org = await reviewerOrganisation(db, actor);
  await detectAuditFlags(db);
  const flags = (
    await db.execute<{ id: string; event_id: string; event_at: Date; kind: AuditFlagKind }>(sql`
      select f.id, f.event_id::text, f.event_at, f.kind from audit_flags f
      where f.org_hsa_id = ${org.hsaId} ${opts.pendingOnly ? sql`and ${PENDING}` : sql``}
      order by f.event_at desc, f.kind limit 200`)
  ).rows;
  const rows = flags.length
    ? await fetchLogRows(
        db,
        sql`(a.id, a.at) in (${sql.join(
          flags.map((f) => sql`(${f.event_id}::bigint, ${new Date(f.event_at).toISOString()}::timestamptz)`),
          sql`, `,
        )})`,
      )
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const reviews = await latestReviews(
    db,
    "flag_id",
    flags.map((f) => f.id),
  );
  await writeAudit(db, actor, {
    action: "audit.flags",
    entityType: "audit_log",
    details: { organisation: org.hsaId, flags: flags.length, pendingOnly: opts.pendingOnly },
  });
  return flags.flatMap((f) => {
    const row = byId.get(Number(f.event_id));
    return row ? [{ id: f.id, kind: f.kind, label: AUDIT_FLAG_LABELS[f.kind], row, review: reviews.get(f.id) ?? null }] : [];
  });
}

/** The latest review of each flag or sample item. */
export async function latestReviews(db: Db, column: "flag_id" | "sample_item_id", ids: string[]): Promise<Map<string, NonNullable<AuditFlagView["review"]>>> {
  if (ids.length === 0) return new Map();
  const res = await db.execute<{ target: string; outcome: AuditReviewOutcome; note: string | null; reviewer_name: string; reviewed_at: Date }>(sql`
    select distinct on (${sql.identifier(column)}) ${sql.identifier(column)}::text as target, outcome, note, reviewer_name, reviewed_at
    from audit_reviews where ${sql.identifier(column)} in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
    order by ${sql.identifier(column)}, reviewed_at desc, id`);
  return new Map(
    res.rows.map((r) => [
      r.target,
      {
        outcome: r.outcome,
        outcomeLabel: AUDIT_REVIEW_OUTCOME_LABELS[r.outcome],
        note: r.note,
        reviewerName: r.reviewer_name,
        reviewedAt: new Date(r.reviewed_at),
      },
    ]),
  );
}
