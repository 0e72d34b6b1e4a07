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

// The coordination case (samordningsärende): contract, forms, state machine, worklists, visibility.
export * from "./case/types";
export {
  CLOSE_REASON_LABELS,
  CONSENT_KIND_LABELS,
  MESSAGE_KIND_LABELS,
  PARTY_ROLE_LABELS,
  STAGE_LABELS,
  stageLabel,
} from "./case/labels";
export {
  MESSAGE_PAYLOAD_SCHEMAS,
  parseMessagePayload,
  type MessagePayload,
  type MessagePayloads,
  type PayloadContext,
  type PayloadError,
  type PayloadResult,
} from "./case/payloads";
export {
  deriveCaseState,
  KOMMUN_SIDE_ROLES,
  orderedEvents,
  partyState,
  RECEIVING_ROLES,
  REGION_OUTPATIENT_ROLES,
  type DerivedCaseState,
  type PartyState,
  type ReadyPeriod,
} from "./case/state";
export {
  allowedRecipientRoles,
  checkOpen,
  checkSend,
  kindsSendableBy,
  nextStage,
  SEND_REFUSAL_CODES,
  type SendAttempt,
  type SendCheck,
  type SendProbe,
  type SendRefusal,
  type SendRefusalCode,
} from "./case/transitions";
export {
  ACK_DUE_HOURS,
  DUE_STEP_CODES,
  dueSteps,
  worklistSortKey,
  type DueOptions,
  type DueSeverity,
  type DueStep,
  type DueStepCode,
  type Perspective,
} from "./case/due";
export {
  BASIC_FIELDS,
  canSeeMessage,
  caseVisibility,
  isBasicVisibleKind,
  isFreeTextVisible,
  NPO_LINKED_FIELDS,
  NPO_LINKED_KINDS,
  redactPayload,
  viewMessage,
  type CaseVisibility,
  type MessageView,
  type RedactOptions,
  type Viewer,
  type VisibilityLevel,
} from "./case/visibility";
export { consentGiven, consentRecordsFromMessage, consentRefused, currentConsent, infoTransferConsentFor } from "./case/consent";
export {
  MUNICIPAL_PARTY_ROLES,
  OUTPATIENT_PARTY_ROLES,
  PARTY_ROLE_BY_UNIT_KIND,
  partyRoleForUnitKind,
  primaryPartyRole,
} from "./case/party-role";
export { defaultRecipients } from "./case/recipients";

// The law's clocks, in Europe/Stockholm.
export {
  addCalendarDays,
  addDaysToIsoDate,
  isoDateDiff,
  stockholmCalendarDaysBetween,
  stockholmDayEnd,
  stockholmDayStart,
  stockholmHour,
  stockholmInstant,
} from "./clock/calendar";
export {
  ADMISSION_NOTICE_HOURS,
  admissionNoticeDue,
  daysSinceReady,
  DEFAULT_PAYMENT_THRESHOLD_DAYS,
  fixedCareContactDue,
  informationDue,
  paymentClockDay0,
  paymentLiabilityStart,
  SIP_CALL_DAYS,
  sipCallDue,
  type PaymentLiabilityOptions,
} from "./clock/losus";

// Outage mode (driftstörning): scope, the phone form, the routine profiles, whom to call, the checklist, efterregistrering.
export * from "./outage/types";
export { affectingOutages, isOutageActiveAt, isUnitAffected, unitOutageWindow, type ScopeUnit, type UnitOutageWindow } from "./outage/scope";
export {
  parseFormInstant,
  parsePhoneContactForm,
  phoneContactFormSchema,
  type PhoneContactForm,
  type PhoneContactFormInput,
  type PhoneFormContext,
  type PhoneFormResult,
} from "./outage/phone-form";
export {
  contactConfirmationDue,
  defaultRoutineProfile,
  followUpDue,
  parseRoutineProfile,
  routineProfileSchema,
  routineStatus,
  routineVariantFor,
  SEEDED_ROUTINE_PROFILES,
  stepNotesFor,
  type FollowUpCall,
  type ManualCheck,
  type ProfileResult,
  type RoutineParagraph,
  type RoutineProfile,
  type RoutineProfileInput,
  type RoutineSection,
  type RoutineStatus,
  type RoutineVariant,
} from "./outage/routine-profile";
export { SORMLAND_ROUTINE_PROFILE } from "./outage/profiles/sormland";
export { VASTERNORRLAND_ROUTINE_PROFILE } from "./outage/profiles/vasternorrland";
export { isNonWorkingDay, OPEN_STATUS_LABELS, openingStatus, swedishNonWorkingDays, type OpenStatus } from "./outage/opening-hours";
export {
  callGuidance,
  contactsFor,
  OUTAGE_CALL_STEPS,
  partyLabel,
  type CallGuidanceInput,
  type CallTarget,
  type ContactOption,
  type GuidanceParty,
  type GuidancePatient,
  type GuidanceStepCode,
  type StepGuidance,
} from "./outage/guidance";
export { dischargeBlockers, outageChecklist, receiverConfirmed, type ChecklistInput, type ChecklistItem } from "./outage/checklist";
export {
  AFTER_REGISTRATION_KINDS,
  computeAfterRegistration,
  type AfterRegistrationCase,
  type AfterRegistrationInput,
  type AfterRegistrationItem,
  type AfterRegistrationKind,
  type UnacknowledgedRecipient,
} from "./outage/after-registration";
export {
  AFTER_REGISTRATION_KIND_LABELS,
  afterRegistrationProgress,
  OUTAGE_REPORT_COLUMNS,
  outageReportRows,
  type OutageReportInput,
  type OutageReportRow,
  type UnitProgress,
} from "./outage/report";
export { describePhoneEntry, draftPhoneNote, draftSummaryText } from "./outage/summary-text";
export { formatDuration, stockholmDateTime, stockholmTime } from "./outage/format";
