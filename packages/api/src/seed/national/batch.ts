import type { PaymentReference } from "../../services/payment/store";
import { buildNationalCase } from "./build";
import { CopyTable, type CopyData, type TableColumns } from "./copy";
import { nationalIdentifier, planPatient } from "./plan";
import type { NationalUnits } from "./units";

/** What every batch needs, loaded once (and handed to each worker). */
export interface BatchContext {
  units: NationalUnits;
  organisationOfUnit: Map<string, string>;
  /** The kommun's name by its municipality code, and every staff member's name (given and family, null if either is), for the worklist's columns. */
  municipalityNames: Map<string, string>;
  staffNames: Map<string, string | null>;
  payments: Map<string, PaymentReference>;
  /** The loaded tables' columns, for COPY's binary format. */
  columns: TableColumns;
  now: Date;
}

export interface BatchRequest {
  /** Patients [first, last). */
  first: number;
  last: number;
  /** Numbers from case_reference_seq, one per case. */
  refs: string[];
}

export interface BatchCounts {
  patients: number;
  cases: number;
  openCases: number;
  messages: number;
  recipients: number;
  consents: number;
  paymentPeriods: number;
}

export interface BuiltBatch {
  /** One COPY per table, in an order that satisfies the foreign keys. */
  tables: CopyData[];
  counts: BatchCounts;
}

const GIVEN = ["Astrid", "Bertil", "Dagny", "Einar", "Gunnel", "Holger", "Inga", "Karl", "Maj", "Nils", "Rut", "Sture", "Vera", "Yngve", "Alma", "Erik"];
const FAMILY = ["Almqvist", "Björk", "Dahlin", "Ek", "Fors", "Hägg", "Lind", "Mård", "Nyberg", "Rask", "Sjölin", "Törn", "Wiklund", "Öst", "Berg", "Strand"];

/** A national patient in the demo population register: a reservnummer and a fictitious name, in the kommun of their stays. */
export function nationalPerson(index: number, municipalityCode: string) {
  return {
    identifier: nationalIdentifier(index),
    identifierKind: "reservnummer",
    givenName: GIVEN[index % GIVEN.length]!,
    familyName: FAMILY[Math.floor(index / GIVEN.length) % FAMILY.length]!,
    municipalityCode,
  };
}

/** The rows of a batch of patients and all their stays, in COPY's binary format. */
export function buildBatch(ctx: BatchContext, req: BatchRequest, newId: () => string): BuiltBatch {
  const { units, now } = ctx;
  const copyTable = (name: string) => new CopyTable(name, ctx.columns[name] ?? {});
  const t = {
    patients: copyTable("patients"),
    register: copyTable("population_register"),
    cases: copyTable("coordination_cases"),
    parties: copyTable("case_parties"),
    messages: copyTable("messages"),
    recipients: copyTable("message_recipients"),
    consents: copyTable("consents"),
    facts: copyTable("case_report_facts"),
    payments: copyTable("case_payments"),
    periods: copyTable("case_payment_periods"),
  };
  const counts: BatchCounts = { patients: 0, cases: 0, openCases: 0, messages: 0, recipients: 0, consents: 0, paymentPeriods: 0 };
  let r = 0;
  for (let i = req.first; i < req.last; i++) {
    const plan = planPatient(units, i, now);
    const region = units.regions[plan.regionIndex]!;
    const municipalityCode = region.kommuner[plan.kommunIndex]!.municipalityCode;
    const person = nationalPerson(plan.index, municipalityCode);
    const patientId = newId();
    t.register.add(person);
    t.patients.add({ id: patientId, ...person, protectedIdentity: false });
    counts.patients++;
    let previous: { id: string; dischargedAt: Date | null } | null = null;
    for (const stay of plan.stays) {
      const n = req.refs[r++];
      if (n === undefined) throw new Error("För få ärendenummer reserverade för satsen");
      const out = buildNationalCase(stay, {
        region,
        patientId,
        municipalityCode,
        reference: `${region.shortCode}-${stay.admittedAt.getUTCFullYear()}-${n.padStart(5, "0")}`,
        previous,
        organisationOfUnit: ctx.organisationOfUnit,
        municipalityName: ctx.municipalityNames.get(municipalityCode) ?? null,
        staffNames: ctx.staffNames,
        payments: ctx.payments.get(region.regionId)!,
        newId,
      });
      previous = { id: out.caseId, dischargedAt: out.dischargedAt };
      t.cases.add(out.rows.case);
      for (const x of out.rows.parties) t.parties.add(x);
      for (const x of out.rows.messages) t.messages.add(x);
      for (const x of out.rows.recipients) t.recipients.add(x);
      for (const x of out.rows.consents) t.consents.add(x);
      t.facts.add(out.rows.facts);
      if (out.rows.payment) t.payments.add(out.rows.payment);
      for (const x of out.rows.periods) t.periods.add(x);
      counts.cases++;
      counts.openCases += out.open ? 1 : 0;
      counts.messages += out.rows.messages.length;
      counts.recipients += out.rows.recipients.length;
      counts.consents += out.rows.consents.length;
      counts.paymentPeriods += out.rows.periods.length;
    }
  }
  return { tables: Object.values(t).flatMap((x) => x.done()), counts };
}
