"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { NavItem } from "../portals";

export function NavLinks({ items }: { items: NavItem[] }) {
  const path = usePathname();
  return (
    <ul className="flex flex-wrap gap-1">
      {items.map((item) => {
        const current = item.href === "/" ? path === "/" : path.startsWith(item.href);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={current ? "page" : undefined}
              className={`block rounded px-3 py-2 text-sm font-medium no-underline ${current ? "bg-brand-700 text-white" : "text-brand-800 hover:bg-brand-100"}`}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
