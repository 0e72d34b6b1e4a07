import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

/** One table's rows in COPY's binary format, in a buffer of its own (so a worker can hand it over without a copy). */
export interface CopyData {
  table: string;
  columns: string[];
  data: Uint8Array;
}

/** How COPY's binary format carries a column (an enum travels as its label, as text does). */
export type ColumnKind = "uuid" | "timestamptz" | "date" | "int4" | "bool" | "text" | "jsonb" | "text[]";

/** The loaded tables' columns (snake_case) and their kinds, read from the database once per load. */
export type TableColumns = Record<string, Record<string, ColumnKind>>;

const KIND_OF_TYPE: Record<string, ColumnKind> = {
  uuid: "uuid",
  "timestamp with time zone": "timestamptz",
  date: "date",
  integer: "int4",
  boolean: "bool",
  text: "text",
  jsonb: "jsonb",
  "text[]": "text[]",
};

export async function columnKinds(pool: pg.Pool, tables: readonly string[]): Promise<TableColumns> {
  const { rows } = await pool.query<{ tab: string; col: string; type: string; enum: boolean }>(
    `select c.relname as tab, a.attname as col, format_type(a.atttypid, null) as type, t.typtype = 'e' as enum
     from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_type t on t.oid = a.atttypid
     join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
     where c.relname = any($1) and a.attnum > 0 and not a.attisdropped`,
    [tables],
  );
  const out: TableColumns = {};
  for (const r of rows) {
    const kind = r.enum ? "text" : KIND_OF_TYPE[r.type];
    // A column of another type is left out: a row that fills it stops the load with its name (CopyTable).
    if (kind) (out[r.tab] ??= {})[r.col] = kind;
  }
  return out;
}

/**
 * Rows in PostgreSQL's binary COPY format, streamed in one COPY per table. Binary rather than
 * text because the server's share of the load is mostly parsing: every row carries several ids
 * and times, and reading a uuid or a timestamp from text costs the server about a microsecond
 * each, against a copy of 16 or 8 bytes here. The values are written straight into the table's
 * bytes, so no row or batch ever lives on the heap as a string.
 */
export class CopyTable {
  private bytes = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  private columns: string[] | null = null;
  private kinds: ColumnKind[] = [];

  constructor(
    readonly table: string,
    private readonly columnKinds: Record<string, ColumnKind>,
  ) {}

  add(row: Record<string, unknown>): void {
    let columns = this.columns;
    if (!columns) {
      columns = this.columns = Object.keys(row);
      this.kinds = columns.map((c) => {
        const kind = this.columnKinds[snakeCase(c)];
        if (!kind) throw new Error(`Kolumnen ${snakeCase(c)} i ${this.table} saknas eller har en typ som inläsningen inte kan skriva`);
        return kind;
      });
      this.room(SIGNATURE.length + 8);
      this.bytes.set(SIGNATURE, 0);
      this.bytes.fill(0, SIGNATURE.length, SIGNATURE.length + 8); // no flags, no header extension
      this.used = SIGNATURE.length + 8;
    }
    this.room(2);
    this.bytes.writeInt16BE(columns.length, this.used);
    this.used += 2;
    for (let i = 0; i < columns.length; i++) this.field(this.kinds[i]!, row[columns[i]!], columns[i]!);
  }

  private field(kind: ColumnKind, v: unknown, column: string): void {
    if (v === null || v === undefined) {
      this.room(4);
      this.int32(-1);
      return;
    }
    switch (kind) {
      case "uuid":
        this.room(20);
        this.int32(16);
        this.uuid(v, column);
        return;
      case "timestamptz": {
        const ms = v instanceof Date ? v.getTime() : typeof v === "string" ? Date.parse(v) : NaN;
        if (!Number.isFinite(ms)) throw this.bad(column, v);
        // Microseconds since 2000-01-01 UTC, a big-endian int64 (exact in a double for any date here).
        const us = (ms - PG_EPOCH_MS) * 1000;
        const high = Math.floor(us / 2 ** 32);
        this.room(12);
        this.int32(8);
        this.int32(high);
        this.int32((us - high * 2 ** 32) | 0);
        return;
      }
      case "date": {
        const m = typeof v === "string" ? DATE.exec(v) : null;
        if (!m) throw this.bad(column, v);
        this.room(8);
        this.int32(4);
        this.int32((Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - PG_EPOCH_MS) / 86_400_000);
        return;
      }
      case "int4":
        if (!Number.isInteger(v) || (v as number) > 2 ** 31 - 1 || (v as number) < -(2 ** 31)) throw this.bad(column, v);
        this.room(8);
        this.int32(4);
        this.int32(v as number);
        return;
      case "bool":
        if (typeof v !== "boolean") throw this.bad(column, v);
        this.room(5);
        this.int32(1);
        this.bytes[this.used++] = v ? 1 : 0;
        return;
      case "text": {
        const at = this.open();
        this.utf8(asText(v));
        this.close(at);
        return;
      }
      case "jsonb": {
        // Version 1 of jsonb's binary form: a version byte and the JSON text.
        const at = this.open();
        this.room(1);
        this.bytes[this.used++] = 1;
        this.utf8(typeof v === "string" ? v : JSON.stringify(v));
        this.close(at);
        return;
      }
      case "text[]": {
        if (!Array.isArray(v) || !v.every((x) => typeof x === "string")) throw this.bad(column, v);
        const at = this.open();
        this.textArray(v as string[]);
        this.close(at);
        return;
      }
    }
  }

  private bad(column: string, v: unknown): Error {
    return new Error(`Värdet ${JSON.stringify(v)} passar inte kolumnen ${snakeCase(column)} i ${this.table}`);
  }

  private room(n: number): void {
    if (this.used + n <= this.bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.used + n, this.bytes.length * 2));
    this.bytes.copy(grown, 0, 0, this.used);
    this.bytes = grown;
  }

  /** Big-endian, the caller having made room. */
  private int32(n: number): void {
    const b = this.bytes;
    const at = this.used;
    b[at] = n >>> 24;
    b[at + 1] = (n >>> 16) & 0xff;
    b[at + 2] = (n >>> 8) & 0xff;
    b[at + 3] = n & 0xff;
    this.used = at + 4;
  }

  /** A field whose length is known only once written: four bytes kept for it (open), filled in after (close). */
  private open(): number {
    this.room(4);
    const at = this.used;
    this.used += 4;
    return at;
  }

  private close(at: number): void {
    this.bytes.writeInt32BE(this.used - at - 4, at);
  }

  private uuid(v: unknown, column: string): void {
    if (typeof v !== "string" || v.length !== 36) throw this.bad(column, v);
    const b = this.bytes;
    let at = this.used;
    // Any character outside the table's 0-9, a-f, A-F reads as -1 and makes `bad` negative.
    let bad = (v.charCodeAt(8) ^ 45) | (v.charCodeAt(13) ^ 45) | (v.charCodeAt(18) ^ 45) | (v.charCodeAt(23) ^ 45) ? -1 : 0;
    for (let k = 0; k < 16; k++) {
      const i = UUID_BYTE_AT[k]!;
      const hi = HEX[v.charCodeAt(i)] ?? -1;
      const lo = HEX[v.charCodeAt(i + 1)] ?? -1;
      bad |= hi | lo;
      b[at++] = (hi << 4) | lo;
    }
    if (bad < 0) throw this.bad(column, v);
    this.used = at;
  }

  /** UTF-8, a character at a time while it is ASCII (most of it), the rest through Buffer's encoder. */
  private utf8(s: string): void {
    this.room(s.length * 3);
    const b = this.bytes;
    let at = this.used;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        this.used = at + b.write(s.slice(i), at, "utf8");
        return;
      }
      b[at++] = c;
    }
    this.used = at;
  }

  /** A one-dimensional text[] without nulls (array_recv's format). */
  private textArray(values: string[]): void {
    this.room(20);
    this.int32(values.length === 0 ? 0 : 1);
    this.int32(0); // no nulls
    this.int32(TEXT_OID);
    if (values.length === 0) return;
    this.int32(values.length);
    this.int32(1); // lower bound
    for (const v of values) {
      const at = this.open();
      this.utf8(v);
      this.close(at);
    }
  }

  /** The table's data, or nothing when it got no rows. */
  done(): CopyData[] {
    if (!this.columns) return [];
    this.room(2);
    this.bytes.writeInt16BE(-1, this.used);
    this.used += 2;
    return [{ table: this.table, columns: this.columns, data: this.bytes.subarray(0, this.used) }];
  }
}

export async function copyInto(client: pg.PoolClient, t: CopyData): Promise<void> {
  const cols = t.columns.map((k) => `"${snakeCase(k)}"`).join(", ");
  const stream = client.query(copyFrom(`copy "${t.table}" (${cols}) from stdin with (format binary)`));
  const data = Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength);
  // Chunks of about a megabyte: one write per row would cost more than the COPY.
  async function* chunks() {
    for (let i = 0; i < data.length; i += 1 << 20) yield data.subarray(i, i + (1 << 20));
  }
  await pipeline(Readable.from(chunks()), stream);
}

const snakeCase = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** As the text format would carry it: what the services' driver sends for a value of a text column. */
function asText(v: unknown): string {
  if (typeof v === "string") return v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "boolean") return v ? "t" : "f";
  if (typeof v === "number") return String(v);
  return JSON.stringify(v);
}

const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");
const PG_EPOCH_MS = Date.UTC(2000, 0, 1);
const TEXT_OID = 25;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Each hex digit's value by its character code, -1 for every other character up to U+FFFF. */
const HEX = new Int8Array(0x10000).fill(-1);
for (let i = 0; i < 10; i++) HEX[48 + i] = i;
for (let i = 0; i < 6; i++) HEX[65 + i] = HEX[97 + i] = 10 + i;
/** Where each of a uuid's 16 bytes begins in its text (8-4-4-4-12 hex digits). */
const UUID_BYTE_AT = Int8Array.from([0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34]);
