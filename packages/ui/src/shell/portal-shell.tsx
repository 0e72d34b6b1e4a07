import type { ReactNode } from "react";
import type { Portal, Role } from "@vardkedjan/domain/identity/types";
import { navFor, portalTitle } from "../portals";
import { ShellFrame } from "./deferred-shell-frame";
import type { ActiveOutage } from "../outage/labels";

export interface ShellUser {
  name: string;
  title: string | null;
}

/**
 * The frame of every logged-in page: skip link, the outage banner (outage mode), header with the
 * person and the active context, context switch and sign-out, the portal's navigation, and the
 * main landmark (shell-frame.tsx).
 */
export function PortalShell(props: {
  portal: Portal;
  user: ShellUser;
  contextLabel: string;
  contextId: string;
  /** The active context's role: the menu shows only the pages it may use. */
  role?: Role;
  canSwitchContext: boolean;
  /** The outages affecting the active context when the page was rendered. */
  outages?: ActiveOutage[];
  banner?: ReactNode;
  children: ReactNode;
}) {
  const { role, ...rest } = props;
  return <ShellFrame {...rest} title={portalTitle(props.portal)} nav={navFor(props.portal, role)} />;
}
