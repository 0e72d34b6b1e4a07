/** The parts of the case page, in order; the nav jumps between them. */
export const CASE_SECTIONS = [
  { id: "oversikt", label: "Översikt" },
  { id: "meddelanden", label: "Meddelanden" },
  { id: "planering", label: "Planering" },
  { id: "sip", label: "SIP" },
  { id: "dokument", label: "Dokument" },
] as const;

/**
 * Jump links to the sections. Focus follows the jump (each section is focusable), so the keyboard
 * continues from the section and a screen reader reads its heading.
 */
export function SectionNav() {
  return (
    <nav aria-label="Avsnitt i ärendet" className="mb-4 rounded border border-line bg-white px-3 py-2" data-testid="section-nav">
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        {CASE_SECTIONS.map((s) => (
          <li key={s.id}>
            <a
              href={`#${s.id}`}
              onClick={(e) => {
                const target = document.getElementById(s.id);
                if (!target) return;
                e.preventDefault();
                target.scrollIntoView({ block: "start" });
                target.focus({ preventScroll: true });
                history.replaceState(null, "", `#${s.id}`);
              }}
            >
              {s.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
