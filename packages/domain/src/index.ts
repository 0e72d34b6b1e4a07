/** @vardkedjan/domain: the rules, as pure functions over plain objects. No IO. */

export * from "./identity/types";
export { ClaimError, normaliseClaims, parseRights, parseSystemRole, rightKey, type ClaimErrorCode } from "./identity/claims";
export { HSA_ID_MAX_LENGTH, HSA_ID_PATTERN, isValidHsaId, isValidOrgHsaId } from "./identity/hsa-id";
export { createOrgTree, OrgTreeError, type OrgTree } from "./identity/org-tree";
export { attrValues, describeCondition, matchCondition, matchWhen, type MatchInput, type WhenResult } from "./identity/conditions";
export { resolveScope, type ResolvedScope, type ScopeOutcome } from "./identity/scope";
export {
  CARE_PURPOSE,
  evaluateRules,
  explainEvaluation,
  loaLabel,
  roleContextId,
  type EvaluationExplanation,
  type RuleOutcome,
  type RuleTrace,
} from "./identity/evaluate";
export {
  describeContext,
  PORTAL_LABELS,
  portalForRole,
  ROLE_LABELS,
  type ContextDescription,
} from "./identity/context-label";
export {
  mappingRuleSchema,
  regexProblem,
  validateMappingRule,
  type RuleValidation,
  type RuleValidationError,
} from "./identity/rule-schema";
export {
  buildExampleRules,
  type ExampleRuleParams,
  type KommunRuleParams,
  type RegionRuleParams,
} from "./identity/example-rules";
export {
  formatPatientIdentifier,
  maskPatientIdentifier,
  parsePatientIdentifier,
  PATIENT_IDENTIFIER_HINT,
  RESERVE_NUMBER_PATTERN,
  type ParseResult as PatientIdentifierParseResult,
  type PatientIdentifier,
  type PatientIdentifierKind,
} from "./patient/identifier";
export {
  ACTION_LABELS,
  ACTIONS,
  actionsFor,
  assertCan,
  can,
  isAction,
  PATIENT_DATA_ACTIONS,
  ROLE_ACTIONS,
  type AccessDecision,
  type Action,
} from "./access/actions";
export { isWithinValidity, stockholmDate } from "./time/stockholm";
