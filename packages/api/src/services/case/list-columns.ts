import { KOMMUN_SIDE_ROLES, type DerivedCaseState } from "@vardkedjan/domain/case/state";
import type { CaseStage } from "@vardkedjan/domain/case/types";

/**
 * The columns of a case the worklist shows and sorts by, copied onto every party row of the case
 * (the index that returns a page in order is on the party). refreshCaseDerived and the demo
 * history's bulk loader both write them from here, so the two cannot drift apart.
 */
export interface CaseListColumns {
  stage: CaseStage;
  admittedAt: Date;
  estimatedDischargeDate: string | null;
  readyForDischargeAt: Date | null;
  municipalityCode: string | null;
  municipalityName: string | null;
  kommunklarAt: Date | null;
  fixedCareContactName: string | null;
}

export function caseListColumns(
  admittedAt: Date,
  state: DerivedCaseState,
  looked: { municipalityCode: string | null; municipalityName: string | null; fixedCareContactName: string | null },
): CaseListColumns {
  // Kommunklar is the kommun's one statement, whichever of its units sent it (domain/case/due.ts).
  const kommunklar = state.parties
    .filter((p) => p.active && !p.rejectedAt && KOMMUN_SIDE_ROLES.includes(p.role) && p.kommunklarAt)
    .map((p) => p.kommunklarAt!.getTime());
  return {
    stage: state.stage,
    admittedAt,
    estimatedDischargeDate: state.estimatedDischargeDate,
    readyForDischargeAt: state.readyForDischargeAt,
    municipalityCode: looked.municipalityCode,
    municipalityName: looked.municipalityName,
    kommunklarAt: kommunklar.length > 0 ? new Date(Math.min(...kommunklar)) : null,
    fixedCareContactName: looked.fixedCareContactName,
  };
}
