import { randomBytes } from "node:crypto";
import { sql, type Db } from "@vardkedjan/db/client";
import { newSampleSeed, samplePositions } from "@vardkedjan/domain/audit/sample";
import { type AUDIT_FLAG_LABELS, type AuditReviewOutcome } from "@vardkedjan/domain/audit/review";
import type { Actor } from "../../../actor";
import { AppError } from "../../../errors";
import { writeAudit } from "../../../audit";
import { fetchLogRows, type AuditLogRow } from "./search";
import { reviewerOrganisation } from "./scope";
import { latestReviews, type AuditFlagView } from "./flags";

export interface SampleSummary {
  id: string;
  periodFrom: Date;
  periodTo: Date;
  size: number;
  reviewed: number;
  seed: string;
  drawnByName: string;
  drawnAt: Date;
}

export interface SampleView extends SampleSummary {
  items: { id: string; row: AuditLogRow; review: AuditFlagView["review"] }[];
}

/** The accesses a stickprov draws from: the organisation's staff's successful PDL accesses in the period. */
const candidates = (orgHsaId: string, from: Date, to: Date) =>
  sql`a.actor_org_hsa_id = ${orgHsaId} and a.category = 'pdl' and a.outcome = 'success'
      and a.at >= ${from.toISOString()}::timestamptz and a.at < ${to.toISOString()}::timestamptz`;

/**
 * Draws a stickprov: `size` accesses at random from the period, reproducibly from the seed (a new
 * random one unless given; domain/audit/sample.ts). The candidates are ordered by (at, id), the
 * domain picks positions, and the sample and its accesses are stored for review. Audited.
 */
export async function drawSample(db: Db, actor: Actor, input: { from: Date; to: Date; size: number; seed?: string }): Promise<{ id: string }> {
  const org = await reviewerOrganisation(db, actor);
  const seed = input.seed ?? newSampleSeed(randomBytes(8));
  return db.transaction(async (tx) => {
    const [count] = (await tx.execute<{ n: number }>(sql`select count(*)::int as n from audit_events a where ${candidates(org.hsaId, input.from, input.to)}`))
      .rows;
    const positions = samplePositions(count?.n ?? 0, input.size, seed);
    if (positions.length === 0) {
      await writeAudit(tx, actor, {
        action: "audit.sample",
        outcome: "denied",
        entityType: "audit_log",
        details: { reason: "no_accesses", organisation: org.hsaId },
      });
      throw new AppError("INVALID_INPUT", { userMessage: "Det finns inga åtkomster av er personal under perioden att ta stickprov bland." });
    }
    const picked = (
      await tx.execute<{ id: string; at: Date; pos: number }>(sql`
        select id::text, at, pos from (
          select a.id, a.at, (row_number() over (order by a.at, a.id) - 1)::int as pos
          from audit_events a where ${candidates(org.hsaId, input.from, input.to)}
        ) s where pos in (${sql.join(
          positions.map((p) => sql`${p}`),
          sql`, `,
        )}) order by pos`)
    ).rows;
    const [sample] = (
      await tx.execute<{ id: string }>(sql`
        insert into audit_samples (org_hsa_id, period_from, period_to, requested_size, seed, drawn_by_staff_id, drawn_by_name)
        values (${org.hsaId}, ${input.from.toISOString()}::timestamptz, ${input.to.toISOString()}::timestamptz, ${input.size}, ${seed}, ${actor.staffId}::uuid, ${actor.name})
        returning id`)
    ).rows;
    for (const [i, p] of picked.entries()) {
      await tx.execute(sql`
        insert into audit_sample_items (sample_id, position, event_id, event_at)
        values (${sample!.id}::uuid, ${i}, ${p.id}::bigint, ${new Date(p.at).toISOString()}::timestamptz)`);
    }
    await writeAudit(tx, actor, {
      action: "audit.sample",
      entityType: "audit_sample",
      entityId: sample!.id,
      details: { organisation: org.hsaId, from: input.from.toISOString(), to: input.to.toISOString(), size: picked.length, candidates: count?.n ?? 0, seed },
    });
    return { id: sample!.id };
  });
}

type SampleRow = {
  id: string;
  period_from: Date;
  period_to: Date;
  size: number;
  reviewed: number;
  seed: string;
  drawn_by_name: string;
  drawn_at: Date;
};

const summary = (r: SampleRow): SampleSummary => ({
  id: r.id,
  periodFrom: new Date(r.period_from),
  periodTo: new Date(r.period_to),
  size: r.size,
  reviewed: r.reviewed,
  seed: r.seed,
  drawnByName: r.drawn_by_name,
  drawnAt: new Date(r.drawn_at),
});

const SAMPLE_COLUMNS = sql`s.id, s.period_from, s.period_to, s.seed, s.drawn_by_name, s.drawn_at,
  (select count(*)::int from audit_sample_items i where i.sample_id = s.id) as size,
  (select count(distinct r.sample_item_id)::int from audit_sample_items i join audit_reviews r on r.sample_item_id = i.id where i.sample_id = s.id) as reviewed`;

/** The organisation's samples, newest first (no patient data: not audited). */
export async function listSamples(db: Db, actor: Actor): Promise<SampleSummary[]> {
  const org = await reviewerOrganisation(db, actor);
  const res = await db.execute<SampleRow>(
    sql`select ${SAMPLE_COLUMNS} from audit_samples s where s.org_hsa_id = ${org.hsaId} order by s.drawn_at desc limit 100`,
  );
  return res.rows.map(summary);
}

/** One sample with its accesses and their reviews; another organisation's sample is "not found". Audited. */
export async function getSample(db: Db, actor: Actor, sampleId: string): Promise<SampleView> {
  const org = await reviewerOrganisation(db, actor);
  const [s] = (await db.execute<SampleRow>(sql`select ${SAMPLE_COLUMNS} from audit_samples s where s.id = ${sampleId}::uuid and s.org_hsa_id = ${org.hsaId}`))
    .rows;
  if (!s) {
    await writeAudit(db, actor, { action: "audit.sample", outcome: "denied", entityType: "audit_sample", entityId: sampleId });
    throw new AppError("NOT_FOUND", { userMessage: "Stickprovet finns inte, eller hör till en annan organisation." });
  }
  const items = (
    await db.execute<{ id: string; event_id: string; event_at: Date }>(
      sql`select id, event_id::text, event_at from audit_sample_items where sample_id = ${sampleId}::uuid order by position`,
    )
  ).rows;
  const rows = items.length
    ? await fetchLogRows(
        db,
        sql`(a.id, a.at) in (${sql.join(
          items.map((i) => sql`(${i.event_id}::bigint, ${new Date(i.event_at).toISOString()}::timestamptz)`),
          sql`, `,
        )})`,
      )
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const reviews = await latestReviews(
    db,
    "sample_item_id",
    items.map((i) => i.id),
  );
  await writeAudit(db, actor, { action: "audit.sample", entityType: "audit_sample", entityId: sampleId, details: { organisation: org.hsaId, opened: true } });
  return {
    ...summary(s),
    items: items.flatMap((i) => {
      const row = byId.get(Number(i.event_id));
      return row ? [{ id: i.id, row, review: reviews.get(i.id) ?? null }] : [];
    }),
  };
}

/**
 * Records a reviewer's outcome for one flag or one sampled access of the reviewer's own
 * organisation; a later review of the same item adds a row (the latest counts). Audited.
 */
export async function recordReview(
  db: Db,
  actor: Actor,
  input: { target: "flag" | "sampleItem"; id: string; outcome: AuditReviewOutcome; note?: string },
): Promise<void> {
  const org = await reviewerOrganisation(db, actor);
  // The refusal's audit row commits with the transaction; the error is thrown after it.
  const found = await db.transaction(async (tx) => {
    const owned =
      input.target === "flag"
        ? sql`select f.kind::text as kind from audit_flags f where f.id = ${input.id}::uuid and f.org_hsa_id = ${org.hsaId}`
        : sql`select null as kind from audit_sample_items i join audit_samples s on s.id = i.sample_id where i.id = ${input.id}::uuid and s.org_hsa_id = ${org.hsaId}`;
    const [target] = (await tx.execute<{ kind: keyof typeof AUDIT_FLAG_LABELS | null }>(owned)).rows;
    if (!target) {
      await writeAudit(tx, actor, {
        action: "audit.review",
        outcome: "denied",
        entityType: input.target === "flag" ? "audit_flag" : "audit_sample_item",
        entityId: input.id,
      });
      return false;
    }
    await tx.execute(sql`
      insert into audit_reviews (flag_id, sample_item_id, outcome, note, reviewer_staff_id, reviewer_hsa_id, reviewer_name)
      values (${input.target === "flag" ? input.id : null}::uuid, ${input.target === "sampleItem" ? input.id : null}::uuid, ${input.outcome},
              ${input.note ?? null}, ${actor.staffId}::uuid, ${actor.hsaId}, ${actor.name})`);
    await writeAudit(tx, actor, {
      action: "audit.review",
      entityType: input.target === "flag" ? "audit_flag" : "audit_sample_item",
      entityId: input.id,
      details: { organisation: org.hsaId, outcome: input.outcome, ...(target.kind ? { flag: target.kind } : {}) },
    });
    return true;
  });
  if (!found) throw new AppError("NOT_FOUND", { userMessage: "Det du granskar finns inte, eller hör till en annan organisation." });
}
