"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { SIP_ANSWER_LABELS, type SipAnswer } from "@vardkedjan/domain/case/structured-content";
import { useQueryClient, useTRPC } from "../../trpc/react";
import { BUTTON_PRIMARY, BUTTON_SECONDARY } from "../../kit/fields";
import { formatDateTime } from "../../kit/format";
import { ErrorNotice } from "../../kit/error-notice";
import { useCallFailure } from "../../kit/use-call-failure";
import type { CaseView } from "../types";

/**
 * "Svar på kallelse till SIP": each called party's answer to each SIP call the viewer sees, and
 * for a called unit the buttons to accept or decline (the latest answer counts).
 */
export function SipAnswers({ view }: { view: CaseView }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const hasCall = view.messages.some((m) => m.kind === "kallelse_sip");
  const answers = useQuery({ ...trpc.case.sipAnswers.queryOptions({ caseId: view.id }), enabled: hasCall });
  const { failure, setFailure, failureRef, fail } = useCallFailure();
  const answer = useMutation(
    trpc.case.answerSip.mutationOptions({
      onSuccess: async () => {
        setFailure(null);
        await queryClient.invalidateQueries(trpc.case.sipAnswers.queryFilter({ caseId: view.id }));
      },
      onError: fail,
    }),
  );
  if (!hasCall || !answers.data || answers.data.length === 0) return null;
  const meetingAt = (id: string) => view.messages.find((m) => m.id === id)?.payload.meetingAt;
  return (
    <section aria-labelledby="sip-svar" className="mb-8">
      <h2 id="sip-svar" className="mb-3 text-xl font-semibold">
        Svar på kallelse till SIP
      </h2>
      {failure ? <ErrorNotice ref={failureRef} error={failure} where="form" /> : null}
      {answers.data.map((call) => {
        const mine = call.invited.find((i) => i.unitId === call.myUnitId);
        const at = meetingAt(call.callMessageId);
        return (
          <div key={call.callMessageId} className="mb-4 rounded border border-line p-3">
            <h3 className="mb-2 font-medium">SIP-möte {typeof at === "string" ? formatDateTime(at) : ""}</h3>
            <ul className="mb-3 grid gap-1" data-testid="sip-answers">
              {call.invited.map((i) => (
                <li key={i.unitId}>
                  <span className="font-medium">{i.unitName}:</span>{" "}
                  {i.answer ? `${SIP_ANSWER_LABELS[i.answer]} (${i.answeredBy}, ${formatDateTime(i.answeredAt)})` : "Har inte svarat"}
                  {i.comment ? ` – ${i.comment}` : ""}
                </li>
              ))}
            </ul>
            {mine && !view.closedAt ? (
              <div className="flex flex-wrap gap-3">
                {(["accepted", "declined"] as SipAnswer[]).map((a) => (
                  <button
                    key={a}
                    type="button"
                    className={a === "accepted" ? BUTTON_PRIMARY : BUTTON_SECONDARY}
                    disabled={answer.isPending || mine.answer === a}
                    onClick={() => answer.mutate({ caseId: view.id, callMessageId: call.callMessageId, answer: a })}
                  >
                    {a === "accepted" ? "Vi kommer" : "Vi kommer inte"}
                  </button>
                ))}
              </div>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}
