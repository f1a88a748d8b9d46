"use client";
/**
 * The main navigation: inline links from `md` up (they wrap to a second row rather than hide behind a
 * sideways scroll when a tablet is too narrow for all of them); below it one "Menu" button that opens
 * the same links as a drop-down (native popover, ./popover-menu), so a phone header never scrolls sideways.
 * An entry with `children` (Equipe) is one link in the row — to its first page — and, while one of
 * its pages is open, a second row of its pages; the phone's menu lists them under its name.
 */
import { clsx } from "clsx";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId } from "react";
import { menuItemClass } from "./menu-styles";
import { PopoverMenu } from "./popover-menu";

export interface NavItem {
  href: string;
  label: string;
  /** A group's pages (its own `href` is the first of them). */
  children?: readonly NavItem[];
}

function isCurrent(pathname: string, item: NavItem): boolean {
  if (item.children?.length) return item.children.some((child) => isCurrent(pathname, child));
  const { href } = item;
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/** A link of a desktop row; `marked` underlines it, `current` also announces it as the page. */
function RowLink({
  item,
  current,
  marked = current,
  small,
}: {
  item: NavItem;
  current: boolean;
  marked?: boolean;
  small?: boolean;
}) {
  return (
    <Link
      href={item.href}
      aria-current={current ? "page" : undefined}
      className={clsx(
        "-mb-px whitespace-nowrap border-b-2 px-2",
        small ? "py-2" : "py-2.5",
        marked
          ? "border-brand-700 font-semibold text-slate-900"
          : "border-transparent text-slate-700 hover:border-slate-300 hover:text-slate-900",
      )}
    >
      {item.label}
    </Link>
  );
}

/**
 * The desktop row of links; the current page is marked (aria-current + underline). A group is
 * marked as a whole in the row (not announced as the page: its second row has the page itself).
 */
export function MainNavLinks({ items, label }: { items: readonly NavItem[]; label: string }) {
  const pathname = usePathname();
  const openGroup = items.find((item) => item.children?.length && isCurrent(pathname, item));
  return (
    <nav aria-label={label} className="mx-auto mt-1 hidden max-w-6xl flex-col px-2 text-sm sm:px-4 md:flex">
      <div className="flex flex-wrap items-center">
        {items.map((item) =>
          item.children?.length ? (
            <RowLink key={item.href} item={item} current={false} marked={item === openGroup} />
          ) : (
            <RowLink key={item.href} item={item} current={isCurrent(pathname, item)} />
          ),
        )}
      </div>
      {openGroup && (
        <div
          role="group"
          aria-label={openGroup.label}
          className="flex flex-wrap items-center border-t border-slate-100 text-[0.8125rem]"
        >
          {openGroup.children!.map((child) => (
            <RowLink key={child.href} item={child} current={isCurrent(pathname, child)} small />
          ))}
        </div>
      )}
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
        {items.map((item) =>
          item.children?.length ? (
            <MenuGroup key={item.href} group={item} pathname={pathname} />
          ) : (
            <MenuLink key={item.href} item={item} current={isCurrent(pathname, item)} />
          ),
        )}
      </PopoverMenu>
    </nav>
  );
}

function MenuLink({ item, current }: { item: NavItem; current: boolean }) {
  return (
    <Link
      href={item.href}
      role="menuitem"
      aria-current={current ? "page" : undefined}
      className={clsx(menuItemClass, current && "font-semibold text-slate-900")}
    >
      {item.label}
    </Link>
  );
}

/** A group's pages in the phone's menu, under the group's name. */
function MenuGroup({ group, pathname }: { group: NavItem; pathname: string }) {
  const id = useId();
  return (
    <div role="group" aria-labelledby={id} className="flex flex-col">
      <span id={id} className="px-3 pb-1 pt-3 text-xs font-semibold uppercase tracking-wide text-slate-600">
        {group.label}
      </span>
      {group.children?.map((child) => (
        <MenuLink key={child.href} item={child} current={isCurrent(pathname, child)} />
      ))}
    </div>
  );
}
