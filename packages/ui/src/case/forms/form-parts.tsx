"use client";
import type { MessageKind } from "@vardkedjan/domain/case/types";
import { PARTY_ROLE_LABELS } from "@vardkedjan/domain/case/labels";
import { allowedRecipientRoles } from "@vardkedjan/domain/case/transitions";
import { Checkbox, FieldGroup } from "../../kit/fields";
import type { CaseView } from "../types";

/** The parties a kind may be sent to (never the sender's own units). */
export function recipientOptions(view: CaseView, kind: MessageKind) {
  const allowed = allowedRecipientRoles(kind);
  return view.parties.filter((p) => !view.viewer.unitIds.includes(p.unitId) && (!allowed || allowed.includes(p.role)));
}

export function RecipientsField(props: {
  id: string;
  view: CaseView;
  kind: MessageKind;
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
  optional: boolean;
}) {
  const options = recipientOptions(props.view, props.kind);
  return (
    <FieldGroup
      id={props.id}
      legend="Mottagare"
      optional={props.optional}
      error={props.error}
      hint={options.length === 0 ? "Ärendet har ingen annan part som kan ta emot meddelandet." : undefined}
    >
      {options.map((p) => (
        <Checkbox
          key={p.unitId}
          id={`${props.id}-${p.unitId}`}
          label={
            <>
              <span className="font-medium">{p.unitName}</span>
              <span className="text-muted"> · {PARTY_ROLE_LABELS[p.role].indefinite}</span>
            </>
          }
          checked={props.value.includes(p.unitId)}
          onChange={(on) => props.onChange(on ? [...props.value, p.unitId] : props.value.filter((x) => x !== p.unitId))}
        />
      ))}
    </FieldGroup>
  );
}
