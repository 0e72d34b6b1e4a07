import type { Tx } from "@vardkedjan/db/client";
import { bringInRefusal, unitsBroughtIn } from "@vardkedjan/domain/case/party-add";
import type { Actor } from "../../actor";
import type { CaseAccess } from "./scope";
import { addUnitsAsParties } from "./add-party";
import type { SendMessageInput } from "./send-message";

/**
 * A decision (meddela beslut) names the kommun's home care that gives the help, an assignment
 * (uppdrag hemsjukvård) the hemsjukvård that does the work: those units become parties of the case
 * in the message's transaction (checked by the domain rule, refused as a whole) and get the message.
 */
export async function bringInParties(tx: Tx, actor: Actor, access: CaseAccess, input: SendMessageInput, now: Date): Promise<SendMessageInput> {
  const unitIds = unitsBroughtIn(input.kind, input.payload);
  if (unitIds.length === 0) return input;
  await addUnitsAsParties(tx, actor, access, unitIds, { existing: "skip", now, refusal: (kind) => bringInRefusal(input.kind, kind) });
  return { ...input, recipientUnitIds: [...new Set([...input.recipientUnitIds, ...unitIds])] };
}
