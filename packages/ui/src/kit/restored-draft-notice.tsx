"use client";

/** Said above a form whose draft was restored from this tab, with the way to start over. */
export function RestoredDraftNotice({ onReset }: { onReset: () => void }) {
  return (
    <p className="mb-3 flex flex-wrap items-center gap-3 rounded border border-line bg-brand-50 p-2 text-sm">
      Ett sparat utkast har återställts.
      <button type="button" className="underline" onClick={onReset}>
        Töm formuläret
      </button>
    </p>
  );
}
