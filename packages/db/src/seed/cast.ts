/**
 * The demo cast: fictitious people with the Inera-style claim sets the test IdP issues for them.
 * Pure data (no database access), shared by the seed, the test IdP and the tests.
 */
import { jamtlandCast } from "./data/cast-jamtland";
import { sormlandCast } from "./data/cast-sormland";
import { vasternorrlandCast } from "./data/cast-vasternorrland";
import type { DemoCastMember } from "./data/cast-builder";

export interface DemoIdentity {
  /** Stable key used by tests and the IdP, e.g. "sanna.sjoberg". */
  key: string;
  displayName: string;
  /** Shown on the IdP's button under the name, e.g. "Sjuksköterska, Avd 12 Medicin". */
  title: string;
  /** Region the person belongs to (for grouping on the IdP page), e.g. "Region Sörmland". */
  region: string;
  /** Raw claims as Inera IdP would put them in the id_token (short OIDC names). */
  claims: Record<string, unknown>;
}

export type { DemoCastMember, IntendedContext } from "./data/cast-builder";

/** Every demo person, region by region (Sörmland, Västernorrland, Jämtland Härjedalen). */
export const demoCast = [...sormlandCast, ...vasternorrlandCast, ...jamtlandCast];

/** The key of a demo person, e.g. "sanna.sjoberg". */
export type DemoKey = (typeof demoCast)[number]["key"];

export const demoIdentities: DemoIdentity[] = demoCast;

const byKey = new Map<string, DemoCastMember>(demoCast.map((m) => [m.key, m]));
if (byKey.size !== demoCast.length) throw new Error("Dubbla nycklar i demorollistan");

/** A demo person by key; the key type catches typos at compile time. */
export function castByKey<K extends DemoKey>(key: K): DemoCastMember<K> {
  const member = byKey.get(key);
  if (!member) throw new Error(`Okänd demoperson: ${key}`);
  return member as DemoCastMember<K>;
}

/** The fixed Sörmland people that tests rely on, by first name. */
export const cast = {
  sanna: castByKey("sanna.sjoberg"),
  mira: castByKey("mira.dahl"),
  ulrika: castByKey("ulrika.lind"),
  fredrik: castByKey("fredrik.vall"),
  berit: castByKey("berit.holm"),
  karin: castByKey("karin.ek"),
  hans: castByKey("hans.tjader"),
  asa: castByKey("asa.berg"),
  nils: castByKey("nils.nord"),
} as const;
