"use client";
import { PARTY_ROLE_LABELS } from "@vardkedjan/domain/case/labels";
import { Checkbox, Radios, TextArea, TextField } from "../../../kit/fields";
import { localInputToIso } from "../../../kit/format";
import { defineKind, isoToDateInput, isoToLocalInput, joinLines, lines, str } from "../spec";
import { CheckboxSet } from "./structured-parts";

type V = {
  meetingAt: string;
  place: string;
  video: boolean;
  videoLink: string;
  invitedUnitIds: string[];
  participants: string;
  consentStatus: string;
  followUpAt: string;
};

/**
 * Kalla till SIP: time, place or video, the parties called (picked from the case's parties; each
 * answers in the case), others taking part, the patient's consent to SIP and a follow-up date.
 */
export const kallelseSipForm = defineKind<V>({
  initial: () => ({
    meetingAt: "",
    place: "",
    video: false,
    videoLink: "",
    invitedUnitIds: [],
    participants: "",
    consentStatus: "",
    followUpAt: "",
  }),
  toPayload: (v) => ({
    meetingAt: localInputToIso(v.meetingAt),
    place: v.place,
    video: v.video,
    videoLink: v.video ? v.videoLink.trim() : "",
    // An after-registration item sends only part of the form's values: a missing list is an empty one.
    invitedUnitIds: (v.invitedUnitIds ?? []).length > 0 ? v.invitedUnitIds : undefined,
    participants: lines(v.participants),
    consentStatus: v.consentStatus || undefined,
    followUpAt: v.followUpAt || undefined,
  }),
  fromPayload: (p) => ({
    meetingAt: isoToLocalInput(p.meetingAt),
    place: str(p.place),
    video: p.video === true,
    videoLink: str(p.videoLink),
    invitedUnitIds: Array.isArray(p.invitedUnitIds) ? p.invitedUnitIds.filter((x): x is string => typeof x === "string") : [],
    participants: joinLines(p.participants),
    consentStatus: str(p.consentStatus),
    followUpAt: isoToDateInput(p.followUpAt),
  }),
  submitLabel: "Skicka kallelse",
  Fields: ({ values, set, error, errorsUnder, id, view }) => (
    <>
      <TextField
        id={id("meetingAt")}
        type="datetime-local"
        label="Mötestid"
        hint="Datum och klockslag (svensk tid)"
        value={values.meetingAt}
        onChange={(v) => set({ meetingAt: v })}
        error={error("meetingAt")}
      />
      <TextField id={id("place")} label="Plats" optional={values.video} value={values.place} onChange={(v) => set({ place: v })} error={error("place")} />
      <Checkbox id={id("video")} label="Mötet hålls via video" checked={values.video} onChange={(v) => set({ video: v })} />
      {values.video ? (
        <TextField
          id={id("videoLink")}
          type="url"
          label="Videolänk"
          optional
          hint="En https-adress"
          value={values.videoLink}
          onChange={(v) => set({ videoLink: v })}
          error={error("videoLink")}
        />
      ) : null}
      <CheckboxSet
        id={id("invitedUnitIds")}
        legend="Kallade parter"
        hint="Varje kallad part svarar i ärendet om den kommer."
        options={view.parties.map((p) => ({ value: p.unitId, label: `${p.unitName} (${PARTY_ROLE_LABELS[p.role].indefinite})` }))}
        value={values.invitedUnitIds}
        onChange={(v) => set({ invitedUnitIds: v })}
        error={error("invitedUnitIds") ?? errorsUnder("invitedUnitIds")[0]?.message}
      />
      <TextArea
        id={id("participants")}
        label="Övriga deltagare"
        optional
        hint="En deltagare per rad, t.ex. ”Patienten”, ”Dottern Eva”."
        value={values.participants}
        onChange={(v) => set({ participants: v })}
        error={error("participants") ?? errorsUnder("participants")[0]?.message}
      />
      <Radios
        id={id("consentStatus")}
        legend="Har patienten samtyckt till SIP?"
        inline
        value={values.consentStatus}
        onChange={(v) => set({ consentStatus: v })}
        options={[
          { value: "given", label: "Ja" },
          { value: "refused", label: "Nej" },
          { value: "unknown", label: "Vet inte" },
        ]}
        error={error("consentStatus")}
      />
      <TextField
        id={id("followUpAt")}
        type="date"
        label="Uppföljning"
        optional
        hint="När planen ska följas upp."
        value={values.followUpAt}
        onChange={(v) => set({ followUpAt: v })}
        error={error("followUpAt")}
      />
    </>
  ),
});
