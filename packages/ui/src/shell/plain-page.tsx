import type { ReactNode } from "react";
import type { Portal } from "@vardkedjan/domain/identity/types";
import { portalTitle } from "../portals";

/** Frame for pages outside the logged-in shell: login errors, chooser, no access, signed out. */
export function PlainPage({ portal, heading, children }: { portal: Portal; heading: string; children: ReactNode }) {
  return (
    <>
      <header className="border-b border-line bg-white">
        <div className="mx-auto max-w-3xl px-4 py-3">
          <p className="text-lg font-semibold text-brand-800">{portalTitle(portal)}</p>
        </div>
      </header>
      <main id="innehall" className="mx-auto max-w-3xl px-4 py-8">
        <h1 className="mb-4 text-2xl font-semibold">{heading}</h1>
        {children}
      </main>
    </>
  );
}
