import type { Db } from "@vardkedjan/db/client";
import type { Actor } from "../../actor";
import { countOpenDeviations } from "../deviation/count";
import { countPendingLogFlags } from "./audit/flags";

/**
 * What Förvaltning's start page shows of a work list kept elsewhere: how many items wait for the
 * administrator, and where they are worked.
 */
export interface OverviewCount {
  count: number;
  href: string;
}

/** A source of one of the start page's counts, given the administrator. */
export type OverviewSource = (db: Db, actor: Actor) => Promise<OverviewCount>;

/** The log review's automatic flags awaiting review for the reviewer's organisation. */
export const logReviewFlagsToReview: OverviewSource = countPendingLogFlags;

/** The open deviations reported by or to the organisations the administrator reaches. */
export const openDeviations: OverviewSource = countOpenDeviations;
