"use client";
import { useRef, useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { DEVIATION_CATEGORIES, DEVIATION_CATEGORY_LABELS, DEVIATION_TEXT_MAX, deviationReportSchema } from "@vardkedjan/domain/deviation/types";
import { useTRPC } from "../trpc/react";
import { Radios, SelectField, TextArea, BUTTON_PRIMARY } from "../kit/fields";
import { ErrorNotice } from "../kit/error-notice";
import { ErrorSummary } from "../kit/error-summary";
import { useCallFailure } from "../kit/use-call-failure";
import type { FieldError } from "../kit/call-error";
import { newIdempotencyKey } from "../kit/format";
import type { CaseDeviations } from "./types";

const PREFIX = "avvikelse";

/** "Rapportera avvikelse": category, what happened, and which of the case's other organisations it concerns. */
export function ReportDeviationForm({
  caseId,
  receivers,
  onDone,
  onCancel,
}: {
  caseId: string;
  receivers: CaseDeviations["receivers"];
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [category, setCategory] = useState("");
  const [description, setDescription] = useState("");
  const [receiver, setReceiver] = useState(receivers.length === 1 ? receivers[0]!.id : "");
  const [key] = useState(newIdempotencyKey);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const { failure, setFailure, failureRef, fail } = useCallFailure();
  const report = useMutation(
    trpc.deviation.report.mutationOptions({
      onSuccess: async () => {
        const to = receivers.find((r) => r.id === receiver)?.name ?? "";
        onDone(`Avvikelsen är rapporterad till ${to}.`);
        await queryClient.invalidateQueries(trpc.deviation.pathFilter());
      },
      onError: (e) => {
        fail(e);
      },
    }),
  );
  const errorOf = (path: string) => (errors.find((e) => e.path === path) ?? failure?.fieldErrors.find((e) => e.path === path))?.message;

  return (
    <form
      className="mt-3 rounded border border-line bg-white p-4"
      data-testid="deviation-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setFailure(null);
        const parsed = deviationReportSchema.safeParse({ category, description, receiverOrganisationId: receiver });
        if (!parsed.success) {
          setErrors(parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
          requestAnimationFrame(() => summaryRef.current?.focus());
          return;
        }
        setErrors([]);
        report.mutate({ ...parsed.data, caseId, idempotencyKey: key });
      }}
    >
      <h3 className="mb-2 text-lg font-semibold">Rapportera avvikelse i samverkan</h3>
      <p className="mb-3 text-sm text-muted">
        Avvikelsen går till den organisationens ansvariga funktion (MAS i kommunen, utskrivningsledaren i regionen). Den får ett e-postmeddelande utan
        patientuppgifter.
      </p>
      {errors.length > 0 ? <ErrorSummary ref={summaryRef} errors={errors} prefix={PREFIX} /> : null}
      <Radios
        id={`${PREFIX}-category`}
        legend="Kategori"
        value={category}
        onChange={setCategory}
        options={DEVIATION_CATEGORIES.map((c) => ({ value: c, label: DEVIATION_CATEGORY_LABELS[c] }))}
        error={errorOf("category")}
      />
      <SelectField
        id={`${PREFIX}-receiverOrganisationId`}
        label="Avvikelsen gäller"
        value={receiver}
        onChange={setReceiver}
        placeholder="Välj organisation"
        options={receivers.map((r) => ({ value: r.id, label: r.name }))}
        error={errorOf("receiverOrganisationId")}
      />
      <TextArea
        id={`${PREFIX}-description`}
        label="Vad hände?"
        hint={`Beskriv vad som brast i samverkan. Skriv inte mer om patienten än vad som behövs. Högst ${DEVIATION_TEXT_MAX} tecken.`}
        value={description}
        onChange={setDescription}
        rows={5}
        error={errorOf("description")}
      />
      {failure ? <ErrorNotice ref={failureRef} error={failure} where="form" /> : null}
      <div className="mt-3 flex gap-2">
        <button type="submit" className={BUTTON_PRIMARY} disabled={report.isPending}>
          {report.isPending ? "Skickar …" : "Skicka avvikelse"}
        </button>
        <button type="button" className="underline" onClick={onCancel}>
          Avbryt
        </button>
      </div>
    </form>
  );
}
