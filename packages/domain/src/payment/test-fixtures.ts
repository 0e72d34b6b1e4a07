import { stockholmInstant as at } from "../time/stockholm";
import type { YearlyAmount } from "./amounts";
import type { PaymentCaseInput, ReadyNoticeFact } from "./input";

/**
 * Stays for the payment tests. Amounts for 2026–2027 are TEST amounts (1 000 kr, so a day count
 * reads straight off the sum): Socialstyrelsen's 2026 amount is not in the research yet.
 */

export const TEST_AMOUNTS: YearlyAmount[] = [
  { year: 2022, amountKr: 9_300, regulationId: null, source: "Vårdsamverkan Skåne" },
  { year: 2023, amountKr: 10_500, regulationId: "HSLF-FS 2022:60", source: "HSLF-FS 2022:60" },
  { year: 2026, amountKr: 1_000, regulationId: null, source: "Testbelopp" },
  { year: 2027, amountKr: 1_000, regulationId: null, source: "Testbelopp" },
];

export function notice(sentAt: Date, withdrawnAt: Date | null = null, toMunicipality = true): ReadyNoticeFact {
  return { sentAt, withdrawnAt, toMunicipality };
}

/** A somatic stay with every precondition met: admitted and notified the day before the first notice. */
export function stay(readyNotices: ReadyNoticeFact[], endedAt: Date | null, over: Partial<PaymentCaseInput> = {}): PaymentCaseInput {
  const first = readyNotices[0]?.sentAt ?? at("2026-02-01");
  const dayBefore = new Date(first.getTime() - 86_400_000);
  return {
    caseId: "fall-1",
    admittedAt: dayBefore,
    careType: "somatisk",
    lpt: false,
    lrv: false,
    admissionNoticeToMunicipalityAt: dayBefore,
    readyNotices,
    sip: { needed: false, calledAt: null },
    endedAt,
    ...over,
  };
}

export { at };
