"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { signOutTo } from "@/lib/auth/browser";
import { useTRPC } from "@/lib/trpc/react";
import { menuItemClass } from "./menu-styles";
import { PopoverMenu } from "./popover-menu";

/** Tear-down hooks run before signing out (e.g. the chat SDK's destroy()). */
const beforeSignOut = new Set<() => void>();
export function onBeforeSignOut(fn: () => void): () => void {
  beforeSignOut.add(fn);
  return () => beforeSignOut.delete(fn);
}

/** Signs this browser out (after the tear-down hooks) and goes to the sign-in page. */
export function signOutHere(): void {
  beforeSignOut.forEach((fn) => fn());
  void signOutTo("/sign-in");
}

/** The signed-in person's menu (a native popover: outside clicks and Escape close it, see ./popover-menu). */
export function UserMenu({ name, email }: { name: string; email: string }) {
  const t = useTranslations("common");
  const trpc = useTRPC();
  const leave = signOutHere;
  const everywhere = useMutation(trpc.me.signOutEverywhere.mutationOptions({ onSettled: leave }));

  const initials = name
    .split(/\s+/)
    .slice(0, 2)
    .map((p) => p[0]?.toUpperCase() ?? "")
    .join("");

  return (
    <PopoverMenu
      align="end"
      menuLabel={t("userMenu")}
      triggerClassName="flex items-center gap-2 rounded-full p-1 text-sm hover:bg-slate-100 sm:pr-3"
      trigger={
        <>
          <span
            aria-hidden
            className="grid size-8 place-items-center rounded-full bg-brand-100 font-semibold text-brand-800"
          >
            {initials}
          </span>
          {/* The name is the button's name too (read after the visible part): "Maria Souza, Menu do usuário". */}
          <span className="font-medium text-slate-800 max-sm:sr-only">{name}</span>
          <span className="sr-only">, {t("userMenu")}</span>
        </>
      }
      header={
        <div className="mb-1 border-b border-slate-100 px-3 py-2">
          <span className="block truncate text-sm font-semibold text-slate-900">{name}</span>
          <span className="block truncate text-xs text-slate-600">{email}</span>
        </div>
      }
    >
      <Link href="/account" role="menuitem" className={menuItemClass}>
        {t("myAccount")}
      </Link>
      <button type="button" role="menuitem" className={menuItemClass} onClick={leave}>
        {t("signOut")}
      </button>
      <button
        type="button"
        role="menuitem"
        className={menuItemClass}
        disabled={everywhere.isPending}
        onClick={() => everywhere.mutate()}
      >
        {t("signOutEverywhere")}
      </button>
    </PopoverMenu>
  );
}
