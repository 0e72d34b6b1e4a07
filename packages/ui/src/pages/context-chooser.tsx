import type { Portal } from "@vardkedjan/domain/identity/types";
import { PlainPage } from "../shell/plain-page";

export interface ChooserContext {
  id: string;
  label: { roleLabel: string; unitName: string; parentName?: string; label: string };
}

/** After login with several contexts, or from "Byt arbetssammanhang": one button per context. */
export function ContextChooserPage(props: { portal: Portal; name: string; contexts: ChooserContext[]; activeId: string | null; error?: boolean }) {
  return (
    <PlainPage portal={props.portal} heading="Välj arbetssammanhang">
      <p className="mb-4 text-muted">{props.name}, du har flera uppdrag i den här portalen. Välj vilket du arbetar i nu. Du kan byta senare från sidhuvudet.</p>
      {props.error ? (
        <p role="alert" className="mb-4 rounded border border-danger bg-danger-bg p-3 text-danger">
          Det valda sammanhanget finns inte bland dina behörigheter. Välj ett av dem nedan.
        </p>
      ) : null}
      <ul className="grid gap-3" aria-label="Dina arbetssammanhang">
        {props.contexts.map((c) => (
          <li key={c.id}>
            <form action="/api/sammanhang" method="post">
              <input type="hidden" name="contextId" value={c.id} />
              <button
                type="submit"
                className="w-full rounded border border-line bg-white p-4 text-left hover:border-brand-600 hover:bg-brand-50"
                aria-describedby={c.id === props.activeId ? `aktivt-${c.id}` : undefined}
              >
                <span className="block font-semibold">{c.label.unitName}</span>
                <span className="block text-sm text-muted">
                  {c.label.roleLabel}
                  {c.label.parentName ? ` · ${c.label.parentName}` : ""}
                </span>
                {c.id === props.activeId ? (
                  <span id={`aktivt-${c.id}`} className="mt-1 block text-sm font-medium text-ok">
                    Aktivt nu
                  </span>
                ) : null}
              </button>
            </form>
          </li>
        ))}
      </ul>
    </PlainPage>
  );
}
