import type { ReactNode } from "react";
import type { MessageKind } from "@vardkedjan/domain/case/types";
import { PAYLOAD_FIELDS, payloadItems, payloadScalarText, type PayloadNamers } from "@vardkedjan/domain/case/payload-text";
import { formatDate, formatDateTime } from "../../kit/format";
import type { CaseView } from "../types";

const FORMAT = { date: formatDate, dateTime: formatDateTime };

/** Names the payload's ids from the case view: the fixed care contact and the parties. */
function namers(view: CaseView): PayloadNamers {
  return {
    staff: (id) => view.parties.find((p) => p.fixedCareContact?.staffId === id)?.fixedCareContact?.name,
    unit: (id) => view.parties.find((p) => p.unitId === id)?.unitName,
  };
}

/**
 * One field's value as markup: lists of items as a bulleted list, free text keeping its line
 * breaks. The words are the domain's (payload-text), the same as the printed case record's.
 */
function value(kind: MessageKind, key: string, payload: Record<string, unknown>, view: CaseView): ReactNode {
  const v = payload[key];
  const items = payloadItems(key, v);
  if (items) {
    return items.length === 0 ? (
      "–"
    ) : (
      <ul className="list-disc pl-5">
        {items.map((x, n) => (
          <li key={n}>{x}</li>
        ))}
      </ul>
    );
  }
  const text = payloadScalarText(kind, key, v, namers(view), FORMAT, payload);
  if (text === null) return null;
  return typeof v === "string" ? <span className="whitespace-pre-wrap">{text}</span> : text;
}

/** A message's form, readably: labelled fields, dates in Swedish and Stockholm time. */
export function PayloadView({ kind, payload, view }: { kind: MessageKind; payload: Record<string, unknown>; view: CaseView }) {
  const rows = (PAYLOAD_FIELDS[kind] ?? []).map(([key, label]) => [label, value(kind, key, payload, view)] as const).filter(([, v]) => v !== null);
  if (rows.length === 0) return null;
  return (
    <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[minmax(10rem,max-content)_1fr]">
      {rows.map(([label, v]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-muted">{label}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
