"use client";
/**
 * A header drop-down on the native Popover API: the button's `popovertarget` opens and closes it,
 * and the browser handles outside clicks and Escape (focus goes back to the button) with no script,
 * even before hydration. The script adds what a menu button needs besides: aria-expanded, the
 * place under the button, focus on the first item, arrow keys/Home/End between items, and closing
 * once an item is chosen or focus leaves. Items are the caller's links and buttons with
 * role="menuitem" (menuItemClass).
 */
import { clsx } from "clsx";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { menuContentClass } from "./menu-styles";

const GAP_PX = 8;

export function PopoverMenu({
  align,
  triggerLabel,
  triggerClassName,
  trigger,
  menuLabel,
  header,
  children,
}: {
  /** Which edge of the button the menu lines up with. */
  align: "start" | "end";
  /** The button's accessible name when its content is not enough (e.g. initials). */
  triggerLabel?: string;
  triggerClassName: string;
  trigger: React.ReactNode;
  menuLabel: string;
  /** Shown above the items, outside the menu role (e.g. who is signed in). */
  header?: React.ReactNode;
  children: React.ReactNode;
}) {
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const popover = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);

  const items = () => [...(popover.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not(:disabled)') ?? [])];
  const close = () => popover.current?.hidePopover();

  // Fixed under the button (the popover lives in the top layer), kept there while the page scrolls.
  const place = useCallback(() => {
    const el = popover.current;
    const rect = button.current?.getBoundingClientRect();
    if (!el || !rect) return;
    el.style.top = `${rect.bottom + GAP_PX}px`;
    if (align === "start") el.style.left = `${Math.max(GAP_PX, rect.left)}px`;
    else el.style.right = `${Math.max(GAP_PX, window.innerWidth - rect.right)}px`;
  }, [align]);

  useEffect(() => {
    if (!open) return;
    window.addEventListener("resize", place);
    window.addEventListener("scroll", place, { passive: true, capture: true });
    return () => {
      window.removeEventListener("resize", place);
      window.removeEventListener("scroll", place, { capture: true });
    };
  }, [open, place]);

  const onBeforeToggle = (event: React.ToggleEvent<HTMLDivElement>) => {
    if (event.newState === "open") place();
  };
  const onToggle = (event: React.ToggleEvent<HTMLDivElement>) => {
    const isOpen = event.newState === "open";
    setOpen(isOpen);
    if (isOpen) items()[0]?.focus();
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    const list = items();
    if (!list.length) return;
    const at = list.indexOf(document.activeElement as HTMLElement);
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: list.length - 1 };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    list[(next + list.length) % list.length]?.focus();
  };

  const onClick = (event: React.MouseEvent<HTMLDivElement>) => {
    if ((event.target as HTMLElement).closest('[role="menuitem"]')) close();
  };

  // Focus moving elsewhere (Tab) closes the menu; moving to the button is left to the button's own toggle.
  const onBlur = (event: React.FocusEvent<HTMLDivElement>) => {
    const to = event.relatedTarget as Node | null;
    if (to && !popover.current?.contains(to) && to !== button.current) close();
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        popoverTarget={id}
        aria-label={triggerLabel}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={id}
        className={triggerClassName}
      >
        {trigger}
      </button>
      <div
        ref={popover}
        id={id}
        popover="auto"
        onBeforeToggle={onBeforeToggle}
        onToggle={onToggle}
        onKeyDown={onKeyDown}
        onClick={onClick}
        onBlur={onBlur}
        className={clsx(menuContentClass, "fixed m-0 [inset:auto]")}
      >
        {header}
        <div role="menu" aria-label={menuLabel} className="flex flex-col">
          {children}
        </div>
      </div>
    </>
  );
}
