import type { Portal } from "@vardkedjan/domain/identity/types";
import { PORTAL_LABELS } from "../portals";
import { PlainPage } from "../shell/plain-page";

function SignOutButton() {
  return (
    <form action="/logga-ut" method="post" className="mt-6">
      <button type="submit" className="rounded bg-brand-700 px-4 py-2 text-white hover:bg-brand-800">
        Logga ut
      </button>
    </form>
  );
}

/** No rule granted anything: say why, in the user's words (the reasons the rule evaluation gives). */
export function NoAccessPage(props: { portal: Portal; name: string; reasons: { code: string; message: string }[] }) {
  return (
    <PlainPage portal={props.portal} heading="Ingen behörighet">
      <p className="mb-4">{props.name}, du är inloggad med SITHS men har ingen behörighet i Vårdkedjan.</p>
      <h2 className="mb-2 text-lg font-semibold">Skäl</h2>
      <ul className="mb-4 list-disc pl-6" data-testid="denial-reasons">
        {props.reasons.length > 0 ? props.reasons.map((r, i) => <li key={`${r.code}-${i}`}>{r.message}</li>) : <li>Inga regler gav dig behörighet.</li>}
      </ul>
      <p className="text-muted">
        Behörighet ges utifrån dina medarbetaruppdrag och systemroller i HSA-katalogen. Kontakta din chef eller systemförvaltaren i din region eller kommun om
        du behöver tillgång.
      </p>
      <SignOutButton />
    </PlainPage>
  );
}

/** Logged in at the wrong portal: point to the right one(s). */
export function WrongPortalPage(props: { portal: Portal; name: string; targets: { portal: Portal; url: string }[] }) {
  return (
    <PlainPage portal={props.portal} heading={`Du har ingen behörighet i ${PORTAL_LABELS[props.portal]}`}>
      <p className="mb-4">
        {props.name}, dina uppdrag ger behörighet i {props.targets.length === 1 ? "en annan portal" : "andra portaler"}:
      </p>
      <ul className="mb-4 grid gap-2">
        {props.targets.map((t) => (
          <li key={t.portal}>
            <a href={t.url} className="inline-block rounded border border-brand-600 bg-white px-4 py-2 font-medium">
              Gå till {PORTAL_LABELS[t.portal]}
            </a>
          </li>
        ))}
      </ul>
      <SignOutButton />
    </PlainPage>
  );
}

export function SignedOutPage({ portal }: { portal: Portal }) {
  return (
    <PlainPage portal={portal} heading="Du är utloggad">
      <p className="mb-6">Du har loggat ut från Vårdkedjan. Stäng webbläsaren om du använder en delad dator.</p>
      <a href="/logga-in" className="inline-block rounded bg-brand-700 px-4 py-2 text-white no-underline hover:bg-brand-800">
        Logga in igen
      </a>
    </PlainPage>
  );
}

const LOGIN_ERRORS: Record<string, string> = {
  loa: "Inloggningen hade för låg tillitsnivå. Logga in med ditt ordinarie SITHS-kort (tillitsnivå 3).",
  AccessDenied: "Inloggningen avbröts eller nekades.",
  Configuration: "Inloggningen är felkonfigurerad. Kontakta systemförvaltaren.",
};

export function LoginErrorPage({ portal, error }: { portal: Portal; error: string | undefined }) {
  return (
    <PlainPage portal={portal} heading="Inloggningen misslyckades">
      <p role="alert" className="mb-6 rounded border border-danger bg-danger-bg p-3 text-danger">
        {(error && LOGIN_ERRORS[error]) ?? "Inloggningen kunde inte slutföras. Försök igen."}
      </p>
      <a href="/logga-in" className="inline-block rounded bg-brand-700 px-4 py-2 text-white no-underline hover:bg-brand-800">
        Försök igen
      </a>
    </PlainPage>
  );
}
