import type { UnitKind } from "../identity/types";
import { isValidHsaId } from "../identity/hsa-id";
import { UNIT_KIND_LABELS, checkNewUnitHsaId, hsaCatalogueOf, isValidPhone, parseUnitKind, PHONE_MESSAGE } from "./unit-fields";

/**
 * A unit list in the shape of an export from the HSA catalogue (a documented subset, see
 * ARCHITECTURE.md "Organisation: the unit list import"): one row per unit of ONE organisation,
 * the complete list, so that a unit missing from the file is deactivated. Columns are named by
 * their HSA attribute or by the Swedish heading of the catalogue's export, in any order:
 *
 *   hsaIdentity | HSA-id             required
 *   ou | Namn                        required
 *   Enhetstyp                        required: a kind code or its Swedish name (Vårdavdelning …)
 *   Överordnad | hsaParent            required: the HSA-id of the unit above, or of the organisation
 *   telephoneNumber | Telefon         optional
 *   hsaSwitchboardNumber | Växel      optional
 *   postalAddress | Postadress        optional: "Gata 1$631 86 Ort" (HSA's $-separated lines) or "Gata 1, 631 86 Ort"
 *
 * Semicolon or comma separated (the first line decides), UTF-8 with or without BOM, fields may be
 * quoted with "" for a quote inside.
 */

export interface ImportedUnit {
  /** 2 for the first data row: the line number a spreadsheet shows. */
  line: number;
  hsaId: string;
  name: string;
  kind: UnitKind;
  parentHsaId: string;
  /** Undefined when the file has no such column: the stored value is kept. */
  phone: string | null | undefined;
  switchboard: string | null | undefined;
  address: { streetAddress: string | null; postalCode: string | null; city: string | null } | undefined;
}

export interface ImportError {
  /** 0 for the file as a whole (e.g. a missing column). */
  line: number;
  message: string;
}

type Column = "hsaId" | "name" | "kind" | "parent" | "phone" | "switchboard" | "address";

const HEADERS: Record<string, Column> = {
  hsaidentity: "hsaId",
  "hsa-id": "hsaId",
  hsaid: "hsaId",
  ou: "name",
  namn: "name",
  enhetstyp: "kind",
  typ: "kind",
  överordnad: "parent",
  "överordnad hsa-id": "parent",
  hsaparent: "parent",
  telephonenumber: "phone",
  telefon: "phone",
  telefonnummer: "phone",
  hsaswitchboardnumber: "switchboard",
  växel: "switchboard",
  växelnummer: "switchboard",
  postaladdress: "address",
  postadress: "address",
};
const REQUIRED: Column[] = ["hsaId", "name", "kind", "parent"];
const COLUMN_LABEL: Record<Column, string> = {
  hsaId: "HSA-id",
  name: "Namn",
  kind: "Enhetstyp",
  parent: "Överordnad",
  phone: "Telefon",
  switchboard: "Växel",
  address: "Postadress",
};

/** At most this many rows: a file is one organisation's unit list, not the national catalogue. */
export const MAX_IMPORT_ROWS = 2000;

/** Splits CSV text into rows of fields (RFC 4180 quoting), with the separator given. */
export function splitCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === separator) {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** "Gata 1$631 86 Ort" or "Gata 1, 631 86 Ort" → street, postal code, city. */
export function parsePostalAddress(value: string): { streetAddress: string | null; postalCode: string | null; city: string | null } {
  const parts = value
    .split(/\$|,/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return { streetAddress: null, postalCode: null, city: null };
  const last = parts[parts.length - 1]!;
  const m = /^(\d{3} ?\d{2})\s+(.+)$/.exec(last);
  if (!m) return { streetAddress: parts.join(", "), postalCode: null, city: null };
  const street = parts.slice(0, -1).join(", ");
  return { streetAddress: street || null, postalCode: m[1]!, city: m[2]! };
}

/**
 * The file's rows as units, or the Swedish errors of every bad row (HSA-id, kind, name, phone,
 * duplicates). Parent references are checked against the organisation in `planUnitImport`.
 */
export function parseUnitCsv(text: string): { units: ImportedUnit[]; errors: ImportError[] } {
  const clean = text.replace(/^\uFEFF/, "");
  const firstLine = clean.split(/\r?\n/, 1)[0] ?? "";
  const separator = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const rows = splitCsv(clean, separator).filter((r) => r.some((f) => f.trim() !== ""));
  const [header, ...data] = rows;
  if (!header) return { units: [], errors: [{ line: 0, message: "Filen är tom." }] };
  const columns = new Map<Column, number>();
  header.forEach((h, i) => {
    const col = HEADERS[h.trim().toLowerCase()];
    if (col && !columns.has(col)) columns.set(col, i);
  });
  const missing = REQUIRED.filter((c) => !columns.has(c));
  if (missing.length > 0)
    return { units: [], errors: [{ line: 1, message: `Kolumner saknas på första raden: ${missing.map((c) => COLUMN_LABEL[c]).join(", ")}.` }] };
  if (data.length === 0) return { units: [], errors: [{ line: 0, message: "Filen innehåller inga enheter." }] };
  if (data.length > MAX_IMPORT_ROWS) return { units: [], errors: [{ line: 0, message: `Filen har fler än ${MAX_IMPORT_ROWS} rader.` }] };

  const units: ImportedUnit[] = [];
  const errors: ImportError[] = [];
  const seen = new Map<string, number>();
  data.forEach((row, i) => {
    const line = i + 2;
    const get = (c: Column) => {
      const idx = columns.get(c);
      return idx === undefined ? "" : (row[idx] ?? "").trim();
    };
    const rowErrors: string[] = [];
    const hsaId = get("hsaId");
    if (!hsaId) rowErrors.push("HSA-id saknas");
    else if (!isValidHsaId(hsaId)) rowErrors.push(`HSA-id ${hsaId} har fel form`);
    else if (seen.has(hsaId)) rowErrors.push(`HSA-id ${hsaId} finns redan på rad ${seen.get(hsaId)}`);
    else seen.set(hsaId, line);
    const name = get("name");
    if (!name) rowErrors.push("namn saknas");
    const kindText = get("kind");
    const kind = parseUnitKind(kindText);
    if (!kind) rowErrors.push(kindText ? `enhetstypen "${kindText}" finns inte (tillåtna: ${Object.values(UNIT_KIND_LABELS).join(", ")})` : "enhetstyp saknas");
    const parentHsaId = get("parent");
    if (!parentHsaId) rowErrors.push("överordnad enhet saknas");
    else if (parentHsaId === hsaId) rowErrors.push("enheten kan inte vara överordnad sig själv");
    const phone = columns.has("phone") ? get("phone") || null : undefined;
    if (phone && !isValidPhone(phone)) rowErrors.push(`telefon: ${PHONE_MESSAGE.toLowerCase()}`);
    const switchboard = columns.has("switchboard") ? get("switchboard") || null : undefined;
    if (switchboard && !isValidPhone(switchboard)) rowErrors.push(`växel: ${PHONE_MESSAGE.toLowerCase()}`);
    if (rowErrors.length > 0) {
      errors.push({ line, message: `Rad ${line}: ${rowErrors.join("; ")}.` });
      return;
    }
    const address = columns.has("address") ? parsePostalAddress(get("address")) : undefined;
    units.push({ line, hsaId, name, kind: kind!, parentHsaId, phone, switchboard, address });
  });
  return { units, errors };
}

/** A unit of the organisation as stored, for the comparison. */
export interface CurrentUnit {
  hsaId: string;
  name: string;
  kind: UnitKind;
  /** The unit above, or null at the top of the organisation. */
  parentHsaId: string | null;
  phone: string | null;
  switchboard: string | null;
  streetAddress: string | null;
  postalCode: string | null;
  city: string | null;
  active: boolean;
}

export type ChangedField = "name" | "kind" | "parent" | "phone" | "switchboard" | "address" | "active";

export const CHANGED_FIELD_LABELS: Record<ChangedField, string> = {
  name: "namn",
  kind: "enhetstyp",
  parent: "överordnad enhet",
  phone: "telefon",
  switchboard: "växel",
  address: "postadress",
  active: "återaktiveras",
};

export interface ImportPlan {
  additions: ImportedUnit[];
  changes: { unit: ImportedUnit; fields: ChangedField[] }[];
  /** Active units of the organisation that the file leaves out. */
  deactivations: CurrentUnit[];
  unchanged: number;
  errors: ImportError[];
}

/**
 * Compares a parsed unit list with the organisation's units. The file is the organisation's
 * complete list: a unit in the organisation that it leaves out is deactivated (never deleted),
 * a unit of another organisation or with another catalogue's HSA-id is an error, and every parent
 * must be the organisation itself or a unit in the file. Nothing may be applied while `errors` is
 * not empty.
 */
export function planUnitImport(
  parsed: { units: ImportedUnit[]; errors: ImportError[] },
  organisation: { hsaId: string },
  current: readonly CurrentUnit[],
  /** HSA-ids of units that belong to other organisations. */
  elsewhere: ReadonlySet<string>,
): ImportPlan {
  const errors = [...parsed.errors];
  const byHsa = new Map(current.map((u) => [u.hsaId, u]));
  const inFile = new Set(parsed.units.map((u) => u.hsaId));
  const valid: ImportedUnit[] = [];
  for (const u of parsed.units) {
    const rowErrors: string[] = [];
    if (elsewhere.has(u.hsaId)) rowErrors.push(`enheten ${u.hsaId} hör till en annan organisation`);
    else if (!byHsa.has(u.hsaId)) {
      const reason = checkNewUnitHsaId(u.hsaId, organisation.hsaId);
      if (reason) rowErrors.push(reason);
    }
    if (elsewhere.has(u.parentHsaId)) rowErrors.push(`överordnad enhet ${u.parentHsaId} hör till en annan organisation`);
    else if (u.parentHsaId !== organisation.hsaId && !inFile.has(u.parentHsaId))
      rowErrors.push(`överordnad enhet ${u.parentHsaId} finns varken i filen eller är organisationen (${organisation.hsaId})`);
    if (rowErrors.length > 0) errors.push({ line: u.line, message: `Rad ${u.line}: ${rowErrors.join("; ")}.` });
    else valid.push(u);
  }
  // A parent chain that loops never reaches the organisation.
  const parentOf = new Map(parsed.units.map((u) => [u.hsaId, u.parentHsaId]));
  for (const u of parsed.units) {
    let at: string | undefined = u.parentHsaId;
    for (let steps = 0; at && at !== organisation.hsaId; steps++) {
      if (at === u.hsaId || steps > parsed.units.length) {
        errors.push({ line: u.line, message: `Rad ${u.line}: enheten ${u.hsaId} ligger under sig själv (överordnade enheter bildar en slinga).` });
        break;
      }
      at = parentOf.get(at);
    }
  }
  const additions: ImportedUnit[] = [];
  const changes: ImportPlan["changes"] = [];
  let unchanged = 0;
  for (const u of valid) {
    const now = byHsa.get(u.hsaId);
    if (!now) {
      additions.push(u);
      continue;
    }
    const fields: ChangedField[] = [];
    if (now.name !== u.name) fields.push("name");
    if (now.kind !== u.kind) fields.push("kind");
    if ((now.parentHsaId ?? organisation.hsaId) !== u.parentHsaId) fields.push("parent");
    if (u.phone !== undefined && now.phone !== u.phone) fields.push("phone");
    if (u.switchboard !== undefined && now.switchboard !== u.switchboard) fields.push("switchboard");
    const a = u.address;
    if (a && (now.streetAddress !== a.streetAddress || now.postalCode !== a.postalCode || now.city !== a.city)) fields.push("address");
    if (!now.active) fields.push("active");
    if (fields.length > 0) changes.push({ unit: u, fields });
    else unchanged += 1;
  }
  const deactivations = current.filter((c) => c.active && !inFile.has(c.hsaId));
  errors.sort((a, b) => a.line - b.line);
  return { additions, changes, deactivations, unchanged, errors };
}

export { hsaCatalogueOf };
