"use client";
import { useQuery } from "@tanstack/react-query";
import type { PartyRole } from "@vardkedjan/domain/case/types";
import { useTRPC } from "../../trpc/react";
import { Checkbox, FieldGroup } from "../../kit/fields";
import type { CaseView } from "../types";
import { UNIT_KIND_LABELS } from "../view/unit-search";

/**
 * The home care units a decision or an assignment brings into the case: those of the given roles
 * that the viewer may add (the API applies the domain rule) and that are not parties yet. Checked
 * units become parties and recipients when the message is sent.
 */
export function BringInUnits({
  view,
  id,
  roles,
  onlyCaseKommun,
  legend,
  hint,
  value,
  onChange,
  error,
}: {
  view: CaseView;
  id: string;
  roles: readonly PartyRole[];
  onlyCaseKommun?: boolean;
  legend: string;
  hint: string;
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
}) {
  const trpc = useTRPC();
  const options = useQuery({ ...trpc.case.partyOptions.queryOptions({ caseId: view.id }), enabled: view.viewer.mayAddParties });
  if (!view.viewer.mayAddParties) return null;
  const units = (options.data ?? []).filter((o) => !o.isParty && roles.includes(o.role) && (!onlyCaseKommun || o.inCaseKommun));
  if (!options.isLoading && units.length === 0 && value.length === 0) return null;
  return (
    <FieldGroup id={id} legend={legend} hint={hint} error={error} optional>
      {options.isLoading ? <p className="text-muted">Hämtar enheter …</p> : null}
      {units.map((u) => (
        <Checkbox
          key={u.id}
          id={`${id}-${u.id}`}
          label={`${u.name} (${UNIT_KIND_LABELS[u.kind] ?? u.kind}, ${u.organisationName})`}
          checked={value.includes(u.id)}
          onChange={(on) => onChange(on ? [...value, u.id] : value.filter((x) => x !== u.id))}
        />
      ))}
    </FieldGroup>
  );
}
