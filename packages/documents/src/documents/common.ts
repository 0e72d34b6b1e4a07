import { formatDateTime, formatLongDateTime, formatPersonnummer, joinParts, type DateInput } from "../layout/format";

/** Input shapes shared by several documents. */

export interface PatientRef {
  name: string;
  /** 12 digits as stored ("191212121212") or "19121212-1212"; a reservnummer prints as given. */
  personnummer: string;
}

/** A ward (avdelning) at a hospital. */
export interface WardRef {
  name: string;
  hospital: string;
  phone?: string;
}

/** The patient's fast vårdkontakt. */
export interface FixedCareContact {
  name: string;
  /** The vårdcentral or mottagning. */
  unit: string;
  phone?: string;
}

/** A planned SIP meeting. */
export interface PlannedMeeting {
  at: DateInput;
  /** The address or room; omit for a video meeting without a place. */
  place?: string;
  /** Held as a video meeting. */
  video?: boolean;
}

/** "Patient: Tolvan Tolvansson, 19121212-1212" for the page header. */
export function patientHeaderLine(patient: PatientRef): string {
  return `Patient: ${joinParts([patient.name, formatPersonnummer(patient.personnummer)], ", ")}`;
}

/** "2026-07-07 10:00, Vårdcentralen Ekbacken" / "…, videomöte". */
export function meetingText(meeting: PlannedMeeting, opts: { long?: boolean } = {}): string {
  const when = opts.long ? formatLongDateTime(meeting.at) : formatDateTime(meeting.at);
  const where = joinParts([meeting.video ? "videomöte" : undefined, meeting.place], ", ");
  return joinParts([when, where], ", ");
}

export function fixedCareContactText(contact: FixedCareContact): string {
  return joinParts([contact.name, contact.unit, contact.phone ? `telefon ${contact.phone}` : undefined], ", ");
}

/** Footer note for documents that travel with the patient. */
export const SEALED_ENVELOPE_NOTE = "Innehåller patientuppgifter. Skickas i förslutet kuvert – aldrig via e-post.";
