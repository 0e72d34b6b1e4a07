"use client";
import type { ReactNode } from "react";
import type { Portal } from "@vardkedjan/domain/identity/types";
import type { NavItem } from "../portals";
import { NavLinks } from "./nav-links";
import { HeaderMenu } from "./header-menu";
import { ClientRoot } from "./client-root";
import { OutageModeProvider } from "../outage/outage-mode";
import { OutageBanner } from "../outage/outage-banner";
import { OfflineSupport } from "../outage/offline-support";
import type { ActiveOutage } from "../outage/labels";
import type { ShellUser } from "./portal-shell";

/**
 * The frame of every logged-in page (PortalShell), on the client: the whole frame is inside the
 * client root so the banner follows outages live. Loaded after the page is shown, as the pages
 * are (see kit/deferred.tsx): its links work and "Logga ut" posts without it.
 */
export function ShellFrame(props: {
  portal: Portal;
  title: string;
  nav: NavItem[];
  user: ShellUser;
  contextLabel: string;
  contextId: string;
  canSwitchContext: boolean;
  outages?: ActiveOutage[];
  banner?: ReactNode;
  children: ReactNode;
}) {
  return (
    <ClientRoot contextId={props.contextId}>
      <OutageModeProvider initialOutages={props.outages}>
        <a
          href="#innehall"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Hoppa till innehållet
        </a>
        <OutageBanner portal={props.portal} />
        {props.banner}
        <header className="border-b border-line bg-white">
          <HeaderMenu title={<p className="text-lg font-semibold text-brand-800">{props.title}</p>}>
            <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-end gap-3 px-4 pb-2 max-sm:justify-start">
              <div className="flex flex-wrap items-center gap-4 text-sm">
                <div className="text-right max-sm:text-left" data-testid="active-context">
                  <p className="font-medium">
                    {props.user.name}
                    {props.user.title ? <span className="font-normal text-muted">, {props.user.title}</span> : null}
                  </p>
                  <p className="text-muted">{props.contextLabel}</p>
                </div>
                {props.canSwitchContext ? (
                  <a href="/valj-sammanhang" className="rounded border border-brand-600 px-3 py-1.5 text-brand-700 no-underline hover:bg-brand-50">
                    Byt arbetssammanhang
                  </a>
                ) : null}
                <form action="/logga-ut" method="post">
                  <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-white hover:bg-brand-800">
                    Logga ut
                  </button>
                </form>
              </div>
            </div>
            <nav aria-label="Huvudmeny" className="mx-auto max-w-6xl px-4 pb-2">
              <NavLinks items={props.nav} />
            </nav>
          </HeaderMenu>
        </header>
        <main id="innehall" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6">
          {props.children}
        </main>
        <OfflineSupport />
      </OutageModeProvider>
    </ClientRoot>
  );
}
