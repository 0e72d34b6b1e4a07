"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

const ITEMS = [
  { href: "/loggkontroll", label: "Sök i loggen" },
  { href: "/loggkontroll/flaggor", label: "Flaggor att granska" },
  { href: "/loggkontroll/stickprov", label: "Stickprov" },
  { href: "/loggkontroll/logguttag", label: "Logguttag till patient" },
] as const;

/** Loggkontroll's own pages, under the portal's main menu. */
export function LogReviewNav() {
  const path = usePathname();
  return (
    <nav aria-label="Loggkontroll" className="mb-4">
      <ul className="flex flex-wrap gap-2 border-b border-line pb-2">
        {ITEMS.map((item) => {
          const current = item.href === "/loggkontroll" ? path === item.href : path.startsWith(item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`block rounded px-3 py-1.5 text-sm no-underline ${current ? "bg-brand-100 font-semibold text-brand-800" : "text-brand-800 hover:bg-brand-50"}`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** The heading and lead of a Loggkontroll page, with the sub-navigation. */
export function LogReviewHeader({ id, title, lead }: { id: string; title: string; lead: string }) {
  return (
    <>
      <h1 id={id} className="mb-1 text-2xl font-semibold">
        {title}
      </h1>
      <p className="mb-4 max-w-3xl text-muted">{lead}</p>
      <LogReviewNav />
    </>
  );
}
