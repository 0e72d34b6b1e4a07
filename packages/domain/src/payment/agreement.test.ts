import { describe, expect, it } from "vitest";
import {
  AGREEMENT_MODEL_KINDS,
  AGREEMENT_MODEL_LABELS,
  dayCountText,
  LPT_LRV_HANDLINGS,
  LPT_LRV_LABELS,
  agreementModelSchema,
  agreementVersionSchema,
  chooseAgreement,
  LAW_DEFAULT_MODEL,
  STOCKHOLM_2020_MODEL,
  VASTRA_GOTALAND_MODEL,
  type AgreementVersion,
} from "./agreement";
import { amountForYear, amountSourceText, KNOWN_YEARLY_AMOUNTS, newYearlyAmountSchema, yearlyAmountSchema } from "./amounts";

const REGION = "region-srm";
const ESKILSTUNA = "kommun-eskilstuna";
const KATRINEHOLM = "kommun-katrineholm";

const version = (over: Partial<AgreementVersion>): AgreementVersion => ({
  id: "a",
  regionId: REGION,
  municipalityId: null,
  version: 1,
  validFrom: "2026-01-01",
  validTo: null,
  name: "Överenskommelse",
  model: LAW_DEFAULT_MODEL,
  ...over,
});

describe("agreement models as data", () => {
  it("accepts the law's default, Stockholm's and Västra Götaland's models", () => {
    for (const model of [LAW_DEFAULT_MODEL, STOCKHOLM_2020_MODEL, VASTRA_GOTALAND_MODEL]) expect(agreementModelSchema.parse(model)).toEqual(model);
  });

  it("refuses bad input with Swedish messages", () => {
    const negative = agreementModelSchema.safeParse({ ...LAW_DEFAULT_MODEL, somatic: { noticeDayCounts: true, freeDays: -1 } });
    expect(negative.success).toBe(false);
    expect(negative.error?.issues[0]?.message).toBe("Antalet dagar före betalningsansvar kan inte vara negativt");

    const cutoffWithoutDay0 = agreementModelSchema.safeParse({ ...LAW_DEFAULT_MODEL, somatic: { noticeDayCounts: false, cutoffHour: 12, freeDays: 2 } });
    expect(cutoffWithoutDay0.error?.issues[0]?.message).toBe("En brytpunkt gäller bara när meddelandedagen räknas som dag 0");

    const badCutoff = agreementModelSchema.safeParse({ ...LAW_DEFAULT_MODEL, somatic: { noticeDayCounts: true, cutoffHour: 24, freeDays: 2 } });
    expect(badCutoff.error?.issues[0]?.message).toBe("Brytpunkten måste vara 01–23");

    const twoDecimals = agreementModelSchema.safeParse({ ...VASTRA_GOTALAND_MODEL, averageDays: 2.75 });
    expect(twoDecimals.error?.issues[0]?.message).toBe("Genomsnittet anges med högst en decimal");

    expect(agreementModelSchema.safeParse({ kind: "okand" }).error?.issues[0]?.message).toBe("Välj modell: individuell beräkning eller månadsgenomsnitt");
    expect(agreementModelSchema.safeParse({ ...LAW_DEFAULT_MODEL, extra: 1 }).success).toBe(false);
  });

  it("has a Swedish label for every model kind and LPT/LRV handling, and explains a day count", () => {
    expect(Object.keys(AGREEMENT_MODEL_LABELS)).toEqual([...AGREEMENT_MODEL_KINDS]);
    expect(Object.keys(LPT_LRV_LABELS)).toEqual([...LPT_LRV_HANDLINGS]);
    expect(dayCountText(LAW_DEFAULT_MODEL.somatic)).toBe("tre dagar efter dag 0; dag 0 är dagen då meddelandet om utskrivningsklar skickades");
    expect(dayCountText(STOCKHOLM_2020_MODEL.somatic)).toBe(
      "två dagar efter dag 0; dag 0 är dagen då meddelandet om utskrivningsklar skickades, om det skickades före kl. 12.00, annars dagen efter",
    );
    expect(dayCountText({ noticeDayCounts: false, freeDays: 1 })).toBe(
      "en dag efter dag 0; dag 0 är dagen efter att meddelandet om utskrivningsklar skickades",
    );
  });

  it("a version's end cannot be before its start", () => {
    const r = agreementVersionSchema.safeParse(version({ validFrom: "2026-06-01", validTo: "2026-05-31" }));
    expect(r.error?.issues[0]?.message).toBe("Slutdatum kan inte ligga före startdatum");
    expect(agreementVersionSchema.safeParse(version({ validFrom: "2026-06-01", validTo: "2026-06-01" })).success).toBe(true);
  });
});

describe("choosing the agreement in force", () => {
  const regionWide1 = version({ id: "r1", version: 1, validFrom: "2025-01-01", validTo: "2025-12-31" });
  const regionWide2 = version({ id: "r2", version: 2, validFrom: "2026-01-01" });
  const eskilstuna = version({ id: "e1", municipalityId: ESKILSTUNA, validFrom: "2026-03-01", validTo: "2026-06-30", model: STOCKHOLM_2020_MODEL });
  const all = [regionWide1, regionWide2, eskilstuna];

  it("takes the version valid on the date, both ends inclusive", () => {
    expect(chooseAgreement(all, { regionId: REGION, municipalityId: KATRINEHOLM }, "2025-12-31")).toMatchObject({ agreement: { id: "r1" } });
    expect(chooseAgreement(all, { regionId: REGION, municipalityId: KATRINEHOLM }, "2026-01-01")).toMatchObject({ agreement: { id: "r2" } });
  });

  it("a kommun's own version beats the region-wide one while it is valid", () => {
    expect(chooseAgreement(all, { regionId: REGION, municipalityId: ESKILSTUNA }, "2026-02-28")).toMatchObject({ agreement: { id: "r2" } });
    expect(chooseAgreement(all, { regionId: REGION, municipalityId: ESKILSTUNA }, "2026-03-01")).toMatchObject({ agreement: { id: "e1" } });
    expect(chooseAgreement(all, { regionId: REGION, municipalityId: ESKILSTUNA }, "2026-07-01")).toMatchObject({ agreement: { id: "r2" } });
    expect(chooseAgreement(all, { regionId: REGION, municipalityId: KATRINEHOLM }, "2026-04-01")).toMatchObject({ agreement: { id: "r2" } });
  });

  it("the higher version wins among overlapping versions of the same reach", () => {
    const v3 = version({ id: "r3", version: 3, validFrom: "2026-01-01" });
    expect(chooseAgreement([...all, v3], { regionId: REGION, municipalityId: KATRINEHOLM }, "2026-04-01")).toMatchObject({ agreement: { id: "r3" } });
  });

  it("falls back to the law's default: none in force, or another region's only", () => {
    expect(chooseAgreement(all, { regionId: REGION, municipalityId: KATRINEHOLM }, "2024-06-01")).toEqual({
      kind: "lagens_standard",
      model: LAW_DEFAULT_MODEL,
    });
    expect(chooseAgreement(all, { regionId: "region-x", municipalityId: KATRINEHOLM }, "2026-04-01").kind).toBe("lagens_standard");
  });
});

describe("the yearly amount", () => {
  it("holds Socialstyrelsen's amounts the research found, each with its source", () => {
    expect(KNOWN_YEARLY_AMOUNTS.map((a) => [a.year, a.amountKr, a.regulationId])).toEqual([
      [2019, 7_800, "HSLF-FS 2018:67"],
      [2020, 8_200, null],
      [2022, 9_300, null],
      [2023, 10_500, "HSLF-FS 2022:60"],
    ]);
    for (const a of KNOWN_YEARLY_AMOUNTS) expect(yearlyAmountSchema.parse(a)).toEqual(a);
  });

  it("an agreement's own amount overrides the year's; a missing year says so", () => {
    expect(amountForYear(2023, KNOWN_YEARLY_AMOUNTS)).toEqual({ kind: "socialstyrelsen", amountKr: 10_500, regulationId: "HSLF-FS 2022:60", year: 2023 });
    expect(amountForYear(2023, KNOWN_YEARLY_AMOUNTS, 4_277)).toEqual({ kind: "overenskommelse", amountKr: 4_277 });
    expect(amountSourceText(amountForYear(2026, KNOWN_YEARLY_AMOUNTS))).toBe("belopp för 2026 saknas i beloppstabellen");
    expect(amountSourceText(amountForYear(2019, KNOWN_YEARLY_AMOUNTS))).toBe("Socialstyrelsens belopp för 2019 (HSLF-FS 2018:67)");
  });

  it("a new year needs the föreskrift's id; bad input gets Swedish messages", () => {
    const ok = { year: 2026, amountKr: 12_000, regulationId: "HSLF-FS 2025:74", source: "Socialstyrelsen" };
    expect(newYearlyAmountSchema.parse(ok)).toEqual(ok);
    expect(newYearlyAmountSchema.safeParse({ ...ok, regulationId: null }).success).toBe(false);
    expect(newYearlyAmountSchema.safeParse({ ...ok, regulationId: "2025:74" }).error?.issues[0]?.message).toBe(
      'Ange föreskriftens beteckning som "HSLF-FS 2025:74"',
    );
    expect(newYearlyAmountSchema.safeParse({ ...ok, amountKr: 12_000.5 }).error?.issues[0]?.message).toBe("Beloppet anges i hela kronor");
    expect(newYearlyAmountSchema.safeParse({ ...ok, year: 2017 }).error?.issues[0]?.message).toBe(
      "Beloppen enligt lagen om samverkan vid utskrivning gäller från 2018",
    );
  });
});
