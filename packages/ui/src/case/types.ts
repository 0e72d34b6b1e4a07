import type { RouterOutputs } from "@vardkedjan/api";

/** The API's shapes (RouterOutputs), never restated. */
export type CaseView = RouterOutputs["case"]["get"];
export type CaseMessage = CaseView["messages"][number];
export type CaseParty = CaseView["parties"][number];
export type Worklist = RouterOutputs["case"]["list"];
export type WorklistRow = Worklist["rows"][number];
export type NewCasePreparation = RouterOutputs["case"]["prepare"];
