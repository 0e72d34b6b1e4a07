"use client";
import { useState, type ComponentProps } from "react";
import dynamic from "next/dynamic";

/**
 * The message form with its schemas (zod) and every kind's fields is loaded after the case page,
 * not with it: no form is open when the page is first shown (a form left open is reopened after
 * hydration, from this tab's storage). `preloadMessageForm` fetches it once the page is shown, and
 * a form opened after that renders at once, as before; one opened sooner shows "Formuläret laddas".
 */
type Form = (typeof import("./message-form"))["MessageForm"];
let loaded: Form | null = null;
const load = () =>
  import("./message-form").then((m) => {
    loaded = m.MessageForm;
    return m;
  });

const LazyForm = dynamic(() => load().then((m) => m.MessageForm), {
  ssr: false,
  loading: () => <p className="text-muted">Formuläret laddas …</p>,
});

export function MessageForm(props: ComponentProps<Form>) {
  // Chosen once per form: switching component while it is open would reset what was typed.
  const [Component] = useState<Form | typeof LazyForm>(() => loaded ?? LazyForm);
  return <Component {...props} />;
}

export function preloadMessageForm(): void {
  void load().catch(() => undefined);
}
