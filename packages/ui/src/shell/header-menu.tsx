"use client";
import { useId, useState, useSyncExternalStore, type ReactNode } from "react";
import { usePathname } from "next/navigation";

/**
 * The header's person, context, actions and menu: always shown from 640 px; below, folded
 * behind a "Meny" button so that on a phone the page starts at once, not 275 px down. Without
 * JavaScript the button does nothing and the content stays shown (folding is added after load).
 */
export function HeaderMenu({ title, children }: { title: ReactNode; children: ReactNode }) {
  const id = useId();
  // False in the server's HTML and at hydration, true after: without JavaScript nothing folds.
  const ready = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const path = usePathname();
  // The menu is open on the page where it was opened: a page change closes it, as on any phone site.
  const [openAt, setOpenAt] = useState<string | null>(null);
  const open = openAt === path;
  const folded = ready && !open;
  return (
    <>
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-2 sm:py-3">
        {title}
        <button
          type="button"
          className="rounded border border-brand-600 px-3 py-1.5 text-sm font-medium text-brand-700 sm:hidden"
          aria-expanded={open}
          aria-controls={`${id}-meny`}
          onClick={() => setOpenAt(open ? null : path)}
        >
          {open ? "Stäng meny" : "Meny"}
        </button>
      </div>
      <div id={`${id}-meny`} className={folded ? "max-sm:hidden" : undefined} data-testid="header-menu">
        {children}
      </div>
    </>
  );
}

const noSubscription = () => () => undefined;
