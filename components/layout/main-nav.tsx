"use client";
/**
 * The main navigation: inline links from `md` up (they wrap to a second row rather than hide behind a
 * sideways scroll when a tablet is too narrow for all of them); below it one "Menu" button that opens
 * the same links as a drop-down (native popover, ./popover-menu), so a phone header never scrolls sideways.
 */
import { clsx } from "clsx";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { menuItemClass } from "./menu-styles";
import { PopoverMenu } from "./popover-menu";

export interface NavItem {
  href: string;
  label: string;
}

function isCurrent(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/** The desktop row of links; the current page is marked (aria-current + underline). */
export function MainNavLinks({ items, label }: { items: readonly NavItem[]; label: string }) {
  const pathname = usePathname();
  return (
    <nav
      aria-label={label}
      className="mx-auto mt-1 hidden max-w-6xl flex-wrap items-center px-2 text-sm sm:px-4 md:flex"
    >
      {items.map((item) => {
        const current = isCurrent(pathname, item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={current ? "page" : undefined}
            className={clsx(
              "-mb-px whitespace-nowrap border-b-2 px-2 py-2.5",
              current
                ? "border-brand-700 font-semibold text-slate-900"
                : "border-transparent text-slate-700 hover:border-slate-300 hover:text-slate-900",
            )}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}

/** The phone's menu button (below `md`): the same links in a drop-down. */
export function MainNavMenu({
  items,
  label,
  buttonLabel,
}: {
  items: readonly NavItem[];
  label: string;
  buttonLabel: string;
}) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="md:hidden">
      <PopoverMenu
        align="start"
        menuLabel={label}
        triggerClassName="flex items-center gap-1.5 rounded-lg px-2 py-2 text-sm font-medium text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
        trigger={
          <>
            <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="currentColor">
              <path d="M3 5h14v2H3zM3 9h14v2H3zM3 13h14v2H3z" />
            </svg>
            {buttonLabel}
          </>
        }
      >
        {items.map((item) => {
          const current = isCurrent(pathname, item.href);
          return (
            <Link
              key={item.href}
              href={item.href}
              role="menuitem"
              aria-current={current ? "page" : undefined}
              className={clsx(menuItemClass, current && "font-semibold text-slate-900")}
            >
              {item.label}
            </Link>
          );
        })}
      </PopoverMenu>
    </nav>
  );
}
