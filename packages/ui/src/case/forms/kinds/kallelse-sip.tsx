"use client";
import { Checkbox, Radios, TextArea, TextField } from "../../../kit/fields";
import { localInputToIso } from "../../../kit/format";
import { defineKind, isoToLocalInput, joinLines, lines, str } from "../spec";

type V = {
  meetingAt: string;
  place: string;
  video: boolean;
  videoLink: string;
  participants: string;
  consentStatus: string;
};

/** Kalla till SIP: time, place or video, participants and the patient's consent to SIP. */
export const kallelseSipForm = defineKind<V>({
  initial: () => ({
    meetingAt: "",
    place: "",
    video: false,
    videoLink: "",
    participants: "",
    consentStatus: "",
  }),
  toPayload: (v) => ({
    meetingAt: localInputToIso(v.meetingAt),
    place: v.place,
    video: v.video,
    videoLink: v.video ? v.videoLink.trim() : "",
    participants: lines(v.participants),
    consentStatus: v.consentStatus || undefined,
  }),
  fromPayload: (p) => ({
    meetingAt: isoToLocalInput(p.meetingAt),
    place: str(p.place),
    video: p.video === true,
    videoLink: str(p.videoLink),
    participants: joinLines(p.participants),
    consentStatus: str(p.consentStatus),
  }),
  submitLabel: "Skicka kallelse",
  Fields: ({ values, set, error, errorsUnder, id }) => (
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
      <TextArea
        id={id("participants")}
        label="Deltagare"
        hint="En deltagare per rad, t.ex. ”Patienten”, ”Fast vårdkontakt, Vårdcentralen Fröslunda”."
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
    </>
  ),
});
