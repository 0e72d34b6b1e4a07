"use client";
import type { RoutineProfile } from "@vardkedjan/domain/outage/profile-schema";
import { Radios } from "../../kit/fields";

/**
 * Two after-registration settings of the routine profile on the routine page: when a planning
 * basis phoned during the outage is registered afterwards, and who sends the formal SIP kallelse
 * for a date agreed by phone. Region Västernorrland's routine (Avbrottsrutin Lifecare SP) says the
 * planning basis is not registered "om patienten blivit utskrivningsklar eller gått hem", and that
 * primary care sends the kallelse; Region Sörmland's routine says neither.
 */

export type PlanningBasisSetting = RoutineProfile["registerAfter"]["planningBasis"];
export type SipInvitationSetting = RoutineProfile["sipInvitationBy"];

const PLANNING_BASIS_OPTIONS = [
  { value: "aldrig", label: "Aldrig" },
  { value: "om_inte_klar_eller_hemma", label: "Om patienten varken har blivit utskrivningsklar eller gått hem" },
];
const SIP_OPTIONS = [
  { value: "uppringaren", label: "Den enhet som ringde och kom överens om tiden" },
  { value: "primarvarden", label: "Patientens primärvård (vårdcentral eller psykiatrisk öppenvård)" },
];

/** The form's radio values ↔ the profile's settings (absent sipInvitationBy: the unit that called). */
export const planningBasisValue = (s: PlanningBasisSetting): string => (s === false ? "aldrig" : s);
export const planningBasisFrom = (v: string): PlanningBasisSetting => (v === "om_inte_klar_eller_hemma" ? "om_inte_klar_eller_hemma" : false);
export const sipInvitationValue = (s: SipInvitationSetting): string => s ?? "uppringaren";
export const sipInvitationFrom = (v: string): SipInvitationSetting => (v === "primarvarden" ? "primarvarden" : undefined);

/** The preview's sentences for the two settings. */
export function afterRegistrationSettingsText(planningBasis: PlanningBasisSetting, sipInvitationBy: SipInvitationSetting): string[] {
  return [
    "Utskrivningsklar registreras aldrig i efterhand.",
    planningBasis === false
      ? "Planeringsunderlag registreras aldrig i efterhand."
      : "Ett planeringsunderlag som lämnats per telefon registreras i efterhand, utom när patienten har blivit utskrivningsklar eller gått hem.",
    sipInvitationBy === "primarvarden"
      ? "Patientens primärvård skickar den formella kallelsen till SIP när tiden bestämts per telefon."
      : "Den enhet som ringde skickar den formella kallelsen till SIP när tiden bestämts per telefon.",
  ];
}

export function AfterRegistrationSettings(props: {
  planningBasis: PlanningBasisSetting;
  sipInvitationBy: SipInvitationSetting;
  onChange: (next: { planningBasis: PlanningBasisSetting; sipInvitationBy: SipInvitationSetting }) => void;
  /** The control id of a profile path (the page's ErrorSummary finds fields by it). */
  fid: (path: string) => string;
  error: (path: string) => string | undefined;
}) {
  const { planningBasis, sipInvitationBy, onChange, fid, error } = props;
  return (
    <div data-testid="after-registration-settings">
      <Radios
        id={fid("registerAfter.planningBasis")}
        legend="Planeringsunderlag som lämnats per telefon registreras i efterhand"
        value={planningBasisValue(planningBasis)}
        onChange={(v) => onChange({ planningBasis: planningBasisFrom(v), sipInvitationBy })}
        options={PLANNING_BASIS_OPTIONS}
        error={error("registerAfter.planningBasis")}
      />
      <Radios
        id={fid("sipInvitationBy")}
        legend="Vem skickar den formella kallelsen till SIP när tiden bestämts per telefon?"
        value={sipInvitationValue(sipInvitationBy)}
        onChange={(v) => onChange({ planningBasis, sipInvitationBy: sipInvitationFrom(v) })}
        options={SIP_OPTIONS}
        error={error("sipInvitationBy")}
      />
      <p className="text-sm text-muted">Utskrivningsklar registreras aldrig i efterhand.</p>
    </div>
  );
}
