/**
 * @vardkedjan/documents: printable PDF documents in Swedish, rendered in memory from plain data
 * (no database, no network, no logging). Each document has a thin `render*(input)` returning the
 * PDF as a Buffer, and a `draw*(layout, content)` that the backup kit composes.
 */

export { renderPdf, type RenderSettings } from "./layout/render";
export { PdfLayout, PAGE, type PrintInfo, type SectionMeta } from "./layout/page";
export type { Tag, Tagger } from "./layout/tags";
export { fontStatus } from "./layout/fonts";
export { formatDate, formatDateTime, formatLongDateTime, formatPersonnummer, formatTime, type DateInput } from "./layout/format";

export type { FixedCareContact, PatientRef, PlannedMeeting, WardRef } from "./documents/common";

export {
  drawPatientSummary,
  PATIENT_SUMMARY_TITLE,
  renderPatientSummary,
  type PatientSummaryContent,
  type PatientSummaryInput,
  type PhoneContact,
} from "./documents/patient-summary";

export {
  DISCHARGE_PLAN_TITLE,
  drawDischargePlan,
  renderDischargePlan,
  type DischargePlanContent,
  type DischargePlanInput,
  type ReceivingUnit,
} from "./documents/discharge-plan";

export {
  drawSipDocument,
  renderSipDocument,
  SIP_TITLE,
  type SipConsent,
  type SipDocumentContent,
  type SipDocumentInput,
  type SipIntervention,
  type SipOtherMeasure,
  type SipParticipant,
} from "./documents/sip";

export {
  drawOutageForm,
  OUTAGE_FORM_INSTRUCTIONS,
  OUTAGE_FORM_TITLE,
  OUTAGE_STEP_LABELS,
  OUTAGE_STEPS,
  renderOutageForm,
  type OutageContactEntry,
  type OutageFormContent,
  type OutageFormInput,
  type OutageStep,
} from "./documents/outage-form";

export {
  ACCOMPANYING_FORM_TITLE,
  AID_LABELS,
  drawAccompanyingForm,
  HELP_SERVICE_LABELS,
  HOUSING_LABELS,
  PERSONAL_MEDICINE_LABELS,
  renderAccompanyingForm,
  type AccompanyingFormContent,
  type AccompanyingFormData,
  type AccompanyingFormInput,
  type Aid,
  type ConsentAnswer,
  type HelpService,
  type Housing,
  type PersonalMedicine,
} from "./documents/accompanying-form";

export {
  CONTACT_LIST_TITLE,
  contactListVersionLine,
  drawContactList,
  renderContactList,
  type ContactEntry,
  type ContactListContent,
  type ContactListInput,
  type ContactOrganisation,
  type ContactUnit,
} from "./documents/contact-list";

export {
  BACKUP_KIT_TITLE,
  drawBackupKit,
  renderBackupKit,
  type BackupKitContent,
  type BackupKitInput,
  type RoutineBlock,
  type RoutineSection,
  type RoutineText,
} from "./documents/backup-kit";

export {
  drawInvoiceBasis,
  INVOICE_BASIS_TITLE,
  renderInvoiceBasis,
  type InvoiceBasisContent,
  type InvoiceBasisAverageRow,
  type InvoiceBasisInput,
  type InvoiceBasisRow,
} from "./documents/invoice-basis";

export {
  ACCESS_EXTRACT_TITLE,
  drawAccessExtract,
  renderAccessExtract,
  type AccessExtractContent,
  type AccessExtractInput,
  type AccessExtractRow,
} from "./documents/access-extract";

export {
  CASE_RECORD_TITLE,
  drawCaseRecord,
  REDACTED_MESSAGE_NOTE,
  renderCaseRecord,
  type CaseRecordContent,
  type CaseRecordInput,
  type CaseRecordMessage,
  type CaseRecordParty,
  type CaseRecordRecipient,
} from "./documents/case-record";
