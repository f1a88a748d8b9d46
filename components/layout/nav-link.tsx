"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { clsx } from "clsx";

/** A main-navigation link that marks itself as the current page (aria-current + underline). */
export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const current = href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={clsx(
        "-mb-px whitespace-nowrap border-b-2 px-3 py-2.5",
        current
          ? "border-brand-700 font-semibold text-slate-900"
          : "border-transparent text-slate-700 hover:border-slate-300 hover:text-slate-900",
      )}
    >
      {children}
    </Link>
  );
}
