"use client";
import { useEffect, useRef, type ReactElement } from "react";
import { createPortal } from "react-dom";
import { MESSAGE_KINDS, type MessageKind } from "@vardkedjan/domain/case/types";
import { BUTTON_PRIMARY, BUTTON_SECONDARY } from "../../kit/fields";
import { actionLabel } from "../forms/labels";
import type { SentInfo } from "../forms/message-form";
import { MessageForm, preloadMessageForm } from "../forms/lazy-message-form";
import type { CaseView } from "../types";

/**
 * What the viewer may send now: one button per kind, each opening its form below, or in `formSlot`
 * when the page gives one (the buttons sit in the side panel, the form in the page's main column).
 * Closing returns focus to the button.
 *
 * The buttons keep the process order whatever is due; a due kind is marked by the primary style
 * alone. The case refetches while it is open (another unit's message, one's own consent), and a
 * button that moved when its step stopped being due would put another button under a click already
 * on its way. The two styles have the same size for the same reason.
 */
export function CaseActions({
  view,
  open,
  setOpen,
  onSent,
  formSlot = null,
}: {
  view: CaseView;
  open: MessageKind | null;
  setOpen: (kind: MessageKind | null) => void;
  onSent: (info: SentInfo) => void;
  formSlot?: HTMLElement | null;
}) {
  const buttons = useRef(new Map<MessageKind, HTMLButtonElement>());
  const dueKinds = new Set(view.due.map((d) => d.kind).filter(Boolean));
  const kinds = MESSAGE_KINDS.filter((k) => view.viewer.canSend.includes(k));
  const maySend = kinds.length > 0;
  useEffect(() => {
    if (maySend) preloadMessageForm();
  }, [maySend]);

  if (kinds.length === 0) {
    return (
      <section aria-labelledby="atgarder-rubrik" className="mb-6">
        <h2 id="atgarder-rubrik" className="mb-2 text-xl font-semibold">
          Åtgärder
        </h2>
        <p className="text-muted">{view.stage === "avslutad" ? "Ärendet är avslutat." : "Din enhet kan inte skicka något i ärendet just nu."}</p>
      </section>
    );
  }

  const placed = (form: ReactElement) => (formSlot ? createPortal(form, formSlot) : form);
  const close = () => {
    const kind = open;
    setOpen(null);
    if (kind) requestAnimationFrame(() => buttons.current.get(kind)?.focus());
  };

  return (
    <section aria-labelledby="atgarder-rubrik" className="mb-6">
      <h2 id="atgarder-rubrik" className="mb-2 text-xl font-semibold">
        Åtgärder
      </h2>
      <ul className="mb-4 flex flex-wrap gap-2" data-testid="actions">
        {kinds.map((kind) => (
          <li key={kind}>
            <button
              type="button"
              ref={(el) => {
                if (el) buttons.current.set(kind, el);
                else buttons.current.delete(kind);
              }}
              className={dueKinds.has(kind) ? BUTTON_PRIMARY : BUTTON_SECONDARY}
              aria-expanded={open === kind}
              aria-controls={open === kind ? "meddelandeformular" : undefined}
              onClick={() => (open === kind ? close() : setOpen(kind))}
            >
              {actionLabel(kind, view.viewer.role)}
            </button>
          </li>
        ))}
      </ul>
      {open
        ? placed(
            <div id="meddelandeformular">
              <MessageForm key={open} view={view} kind={open} onClose={close} onSent={onSent} />
            </div>,
          )
        : null}
    </section>
  );
}
