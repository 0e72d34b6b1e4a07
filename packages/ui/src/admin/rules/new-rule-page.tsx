"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { RuleFormView } from "./rule-form";
import { EMPTY_FORM } from "./rule-form-model";

export function NewRulePage() {
  const router = useRouter();
  return (
    <section aria-labelledby="ny-regel-rubrik">
      <p className="mb-2">
        <Link href="/behorighetsregler" className="text-brand-700 underline">
          Alla behörighetsregler
        </Link>
      </p>
      <h1 id="ny-regel-rubrik" className="mb-4 text-2xl font-semibold">
        Ny behörighetsregel
      </h1>
      <RuleFormView initial={EMPTY_FORM} onSaved={(r) => router.push(`/behorighetsregler/${encodeURIComponent(r.id)}?sparad=${r.version}`)} />
    </section>
  );
}
