import type { KindRegistry } from "./spec";
import { samtyckeForm } from "./kinds/samtycke";
import { estimatedDateForm } from "./kinds/estimated-date";
import { svarPaInskrivningForm } from "./kinds/svar-pa-inskrivning";
import { avvisningForm } from "./kinds/avvisning";
import { planeringsunderlagForm } from "./kinds/planeringsunderlag";
import { meddelaBeslutForm } from "./kinds/meddela-beslut";
import { uppdragHemsjukvardForm } from "./kinds/uppdrag-hemsjukvard";
import { egenvardsbedomningForm } from "./kinds/egenvardsbedomning";
import { kallelseSipForm } from "./kinds/kallelse-sip";
import { sipPlanForm } from "./kinds/sip-plan";
import { utskrivningsklarForm } from "./kinds/utskrivningsklar";
import { ejUtskrivningsklarForm } from "./kinds/ej-utskrivningsklar";
import { kommunklarForm } from "./kinds/kommunklar";
import { utskrivningsdatumForm } from "./kinds/utskrivningsdatum";
import { utskrivningsmeddelandeForm } from "./kinds/utskrivningsmeddelande";
import { generelltForm } from "./kinds/generellt";
import { avslutForm } from "./kinds/avslut";

/** The form of every message kind (fields per the kind's payload schema in the domain). */
export const KIND_FORMS: KindRegistry = {
  samtycke: samtyckeForm,
  inskrivningsmeddelande: estimatedDateForm,
  andrat_utskrivningsdatum: estimatedDateForm,
  svar_pa_inskrivning: svarPaInskrivningForm,
  avvisning: avvisningForm,
  planeringsunderlag: planeringsunderlagForm,
  meddela_beslut: meddelaBeslutForm,
  uppdrag_hemsjukvard: uppdragHemsjukvardForm,
  egenvardsbedomning: egenvardsbedomningForm,
  kallelse_sip: kallelseSipForm,
  sip_plan: sipPlanForm,
  utskrivningsklar: utskrivningsklarForm,
  ej_utskrivningsklar: ejUtskrivningsklarForm,
  kommunklar: kommunklarForm,
  utskrivningsdatum: utskrivningsdatumForm,
  utskrivningsmeddelande: utskrivningsmeddelandeForm,
  generellt: generelltForm,
  avslut: avslutForm,
};
