import { describe, expect, it } from "vitest";
import { parsePostalAddress, parseUnitCsv, planUnitImport, splitCsv, type CurrentUnit } from "./unit-import";

const ORG = { hsaId: "SE2120000357-VG" };
const HEADER = "HSA-id;Namn;Enhetstyp;Överordnad;Telefon;Postadress";

const current: CurrentUnit[] = [
  {
    hsaId: "SE2120000357-BIST",
    name: "Biståndsenheten",
    kind: "bistandsenhet",
    parentHsaId: null,
    phone: "016-10 10 00",
    switchboard: "016-710 10 00",
    streetAddress: "Alhems gata 1",
    postalCode: "631 86",
    city: "Eskilstuna",
    active: true,
  },
  {
    hsaId: "SE2120000357-HTJ1",
    name: "Hemtjänst Fröslunda",
    kind: "hemtjanstgrupp",
    parentHsaId: null,
    phone: "016-10 10 01",
    switchboard: null,
    streetAddress: null,
    postalCode: null,
    city: null,
    active: true,
  },
];

const plan = (csv: string, elsewhere: string[] = []) => planUnitImport(parseUnitCsv(csv), ORG, current, new Set(elsewhere));

describe("the HSA unit list (CSV)", () => {
  it("splits quoted fields with separators, quotes and line breaks inside", () => {
    expect(splitCsv('a;"b;c";"d ""e"""\r\n1;2;3\n', ";")).toEqual([
      ["a", "b;c", 'd "e"'],
      ["1", "2", "3"],
    ]);
  });

  it("reads HSA's $-separated postal address and the comma form", () => {
    expect(parsePostalAddress("Alhems gata 1$631 86 Eskilstuna")).toEqual({ streetAddress: "Alhems gata 1", postalCode: "631 86", city: "Eskilstuna" });
    expect(parsePostalAddress("Box 2, 63186 Eskilstuna")).toEqual({ streetAddress: "Box 2", postalCode: "63186", city: "Eskilstuna" });
    expect(parsePostalAddress("")).toEqual({ streetAddress: null, postalCode: null, city: null });
  });

  it("accepts HSA attribute names as headings, comma separated, with a BOM, and kinds by Swedish name", () => {
    const r = parseUnitCsv("\uFEFFhsaIdentity,ou,Enhetstyp,hsaParent\nSE2120000357-X1,Ny enhet,Hemtjänstgrupp,SE2120000357-VG\n");
    expect(r.errors).toEqual([]);
    expect(r.units[0]).toMatchObject({ hsaId: "SE2120000357-X1", kind: "hemtjanstgrupp", phone: undefined, address: undefined });
  });

  it("names the missing columns in Swedish", () => {
    expect(parseUnitCsv("HSA-id;Namn\nSE1-A;B").errors).toEqual([{ line: 1, message: "Kolumner saknas på första raden: Enhetstyp, Överordnad." }]);
  });

  it("lists every bad row with its line: HSA-id form, kind, name, phone, duplicates, self-parent", () => {
    const r = parseUnitCsv(
      [
        HEADER,
        "SE2120000357-OK;Bra;Biståndsenhet;SE2120000357-VG;12;",
        "Eskilstuna-1;Fel id;Biståndsenhet;SE2120000357-VG;;",
        "SE2120000357-K;Fel typ;Bageri;SE2120000357-VG;;",
        "SE2120000357-N;;hemsjukvard;SE2120000357-VG;abc;",
        "SE2120000357-OK;Dubblett;hemsjukvard;SE2120000357-VG;;",
        "SE2120000357-S;Själv;hemsjukvard;SE2120000357-S;;",
      ].join("\n"),
    );
    expect(r.errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(r.errors[0]!.message).toContain("telefon: telefonnummer får bara");
    expect(r.errors[1]!.message).toBe("Rad 3: HSA-id Eskilstuna-1 har fel form.");
    expect(r.errors[2]!.message).toContain('enhetstypen "Bageri" finns inte');
    expect(r.errors[3]!.message).toContain("namn saknas");
    expect(r.errors[4]!.message).toContain("finns redan på rad 2");
    expect(r.errors[5]!.message).toContain("överordnad sig själv");
  });
});

describe("the import preview", () => {
  it("shows additions, changes field by field, unchanged units, and deactivates the units the file leaves out", () => {
    const p = plan(
      [
        HEADER,
        "SE2120000357-BIST;Biståndsenheten;Biståndsenhet;SE2120000357-VG;016-10 10 99;Alhems gata 1$631 86 Eskilstuna",
        "SE2120000357-HSV;Hemsjukvården;Hemsjukvård;SE2120000357-VG;016-10 10 02;",
        "SE2120000357-HSV1;Hemsjukvård norr;Hemsjukvård;SE2120000357-HSV;;",
      ].join("\n"),
    );
    expect(p.errors).toEqual([]);
    expect(p.additions.map((u) => u.hsaId)).toEqual(["SE2120000357-HSV", "SE2120000357-HSV1"]);
    expect(p.changes).toEqual([{ unit: expect.objectContaining({ hsaId: "SE2120000357-BIST" }), fields: ["phone"] }]);
    expect(p.deactivations.map((u) => u.hsaId)).toEqual(["SE2120000357-HTJ1"]);
  });

  it("keeps the stored values of a column the file does not have (the switchboard here)", () => {
    const p = plan(
      [
        "HSA-id;Namn;Enhetstyp;Överordnad",
        "SE2120000357-BIST;Biståndsenheten;bistandsenhet;SE2120000357-VG",
        "SE2120000357-HTJ1;Hemtjänst Fröslunda;hemtjanstgrupp;SE2120000357-VG",
      ].join("\n"),
    );
    expect(p).toMatchObject({ additions: [], changes: [], deactivations: [], unchanged: 2, errors: [] });
  });

  it("refuses rows of another organisation, another catalogue's HSA-ids and unknown parents", () => {
    const p = plan(
      [
        HEADER,
        "SE2120002940-BIST;Nyköpings bistånd;bistandsenhet;SE2120000357-VG;;",
        "SE2321000032-NY;Regionens;bistandsenhet;SE2120000357-VG;;",
        "SE2120000357-A;Under okänd;hemsjukvard;SE2120000357-FINNSEJ;;",
        "SE2120000357-B;Under annan;hemsjukvard;SE2120002940-BIST;;",
      ].join("\n"),
      ["SE2120002940-BIST"],
    );
    expect(p.errors.map((e) => e.message)).toEqual([
      "Rad 2: enheten SE2120002940-BIST hör till en annan organisation.",
      "Rad 3: HSA-id SE2321000032-NY hör inte till organisationens HSA-katalog (SE2120000357).",
      "Rad 4: överordnad enhet SE2120000357-FINNSEJ finns varken i filen eller är organisationen (SE2120000357-VG).",
      "Rad 5: överordnad enhet SE2120002940-BIST hör till en annan organisation.",
    ]);
  });

  it("finds a loop of parents", () => {
    const p = plan([HEADER, "SE2120000357-A;A;hemsjukvard;SE2120000357-B;;", "SE2120000357-B;B;hemsjukvard;SE2120000357-A;;"].join("\n"));
    expect(p.errors.map((e) => e.line)).toEqual([2, 3]);
    expect(p.errors[0]!.message).toContain("slinga");
  });

  it("reactivates a deactivated unit that is back in the file", () => {
    const p = planUnitImport(
      parseUnitCsv([HEADER, "SE2120000357-HTJ1;Hemtjänst Fröslunda;hemtjanstgrupp;SE2120000357-VG;016-10 10 01;"].join("\n")),
      ORG,
      [{ ...current[1]!, active: false }],
      new Set(),
    );
    expect(p.changes[0]!.fields).toEqual(["active"]);
  });
});
