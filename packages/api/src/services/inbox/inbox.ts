import { schema, asc, inArray, sql, type Db } from "@vardkedjan/db/client";
import { viewMessage } from "@vardkedjan/domain/case/visibility";
import { readStoredPayload } from "@vardkedjan/domain/case/stored-payload";
import type { ConsentRecord, MessageKind, PartyRole } from "@vardkedjan/domain/case/types";
import { formatPatientIdentifier } from "@vardkedjan/domain/patient/identifier";
import type { Actor } from "../../actor";
import { writeAudit } from "../../audit";
import { resolveScopeUnitIds } from "../workspace/scope";

export interface InboxCursor {
  occurredAt: Date;
  messageId: string;
}

export interface InboxItem {
  messageId: string;
  caseId: string;
  caseReference: string;
  kind: MessageKind;
  /** The general message's subject or the message's title, when this viewer may see it. */
  subject: string | null;
  occurredAt: Date;
  senderUnitName: string;
  /** The viewer's unit the message is addressed to. */
  recipientUnitName: string;
  patient: { name: string; identifier: string; protectedIdentity: boolean; registerUnchecked: boolean };
}

export interface Inbox {
  items: InboxItem[];
  /** Where the next page starts; null on the last page. */
  next: InboxCursor | null;
}

/**
 * Inkorg: every message addressed to the actor's units that they have not acknowledged, newest
 * first, keyset-paged on (time, id) so a long inbox pages as fast as a short one. Only cases the
 * unit sees (visible_from) and only messages the case view would show it (consent level, hemtjänst,
 * domain/case/visibility.ts): an unacknowledged message the unit may not read is not listed. One
 * audit row per page, with the cases and messages shown.
 */
export async function getInbox(db: Db, actor: Actor, input: { after?: InboxCursor | null; limit: number }): Promise<Inbox> {
  const scope = await resolveScopeUnitIds(db, actor.context);
  if (scope.length === 0) return { items: [], next: null };
  const units = sql`${`{${scope.join(",")}}`}::uuid[]`;
  const after = input.after ? sql`and (m.occurred_at, m.id) < (${input.after.occurredAt.toISOString()}::timestamptz, ${input.after.messageId}::uuid)` : sql``;
  return db.transaction(async (tx) => {
    const res = await tx.execute<{
      message_id: string;
      case_id: string;
      reference: string;
      kind: MessageKind;
      title: string | null;
      payload: unknown;
      occurred_at: Date;
      sender_unit_id: string;
      sender_name: string;
      unit_id: string;
      unit_name: string;
      party_role: PartyRole;
      given_name: string;
      family_name: string;
      identifier: string;
      identifier_kind: "personnummer" | "samordningsnummer" | "reservnummer";
      protected_identity: boolean;
      register_unchecked: boolean;
    }>(sql`
      select distinct on (m.occurred_at, m.id)
             m.id as message_id, m.case_id, c.reference, m.kind, m.title, m.payload, m.occurred_at, m.sender_unit_id,
             su.name as sender_name, r.unit_id, ru.name as unit_name, cp.role as party_role,
             p.given_name, p.family_name, p.identifier, p.identifier_kind, p.protected_identity,
             (p.register_unchecked_since is not null) as register_unchecked
      from message_recipients r
      join messages m on m.id = r.message_id
      join case_parties cp on cp.case_id = m.case_id and cp.unit_id = r.unit_id and cp.removed_at is null and cp.visible_from is not null
      join coordination_cases c on c.id = m.case_id
      join patients p on p.id = c.patient_id
      join units su on su.id = m.sender_unit_id
      join units ru on ru.id = r.unit_id
      where r.unit_id = any(${units}) and r.acknowledged_at is null ${after}
      order by m.occurred_at desc, m.id desc, r.unit_id
      limit ${input.limit + 1}`);
    const page = res.rows.slice(0, input.limit);
    const caseIds = [...new Set(page.map((r) => r.case_id))];
    const consentRows = caseIds.length
      ? await tx.select().from(schema.consents).where(inArray(schema.consents.caseId, caseIds)).orderBy(asc(schema.consents.documentedAt))
      : [];
    const consentsOf = (caseId: string): ConsentRecord[] => consentRows.filter((c) => c.caseId === caseId);

    const items: InboxItem[] = [];
    for (const r of page) {
      const payload = readStoredPayload(r.kind, r.payload) as Record<string, unknown>;
      const event = {
        id: r.message_id,
        kind: r.kind,
        occurredAt: new Date(r.occurred_at),
        senderUnitId: r.sender_unit_id,
        senderRole: "avdelning" as const,
        recipientUnitIds: [r.unit_id],
        payload,
      };
      const view = viewMessage({ partyRole: r.party_role, role: actor.context.role }, event, consentsOf(r.case_id), r.unit_id);
      if (!view.visible) continue;
      const subject = typeof view.payload.subject === "string" ? view.payload.subject : null;
      items.push({
        messageId: r.message_id,
        caseId: r.case_id,
        caseReference: r.reference,
        kind: r.kind,
        subject: subject ?? (view.level === "full" ? r.title : null),
        occurredAt: new Date(r.occurred_at),
        senderUnitName: r.sender_name,
        recipientUnitName: r.unit_name,
        patient: {
          name: `${r.given_name} ${r.family_name}`,
          identifier: formatPatientIdentifier({ kind: r.identifier_kind, value: r.identifier }),
          protectedIdentity: r.protected_identity,
          registerUnchecked: r.register_unchecked,
        },
      });
    }
    const last = page[page.length - 1];
    const next = res.rows.length > input.limit && last ? { occurredAt: new Date(last.occurred_at), messageId: last.message_id } : null;
    if (items.length > 0 || input.after) {
      await writeAudit(tx, actor, {
        action: "case.list",
        activity: "Läsa",
        entityType: "inbox",
        details: { caseIds: [...new Set(items.map((i) => i.caseId))], messageIds: items.map((i) => i.messageId) },
      });
    }
    return { items, next };
  });
}
