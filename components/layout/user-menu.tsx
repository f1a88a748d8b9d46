"use client";
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/lib/trpc/react";
import { menuContentClass, menuItemClass } from "./menu-styles";

/** Tear-down hooks run before signing out (e.g. the chat SDK's destroy()). */
const beforeSignOut = new Set<() => void>();
export function onBeforeSignOut(fn: () => void): () => void {
  beforeSignOut.add(fn);
  return () => beforeSignOut.delete(fn);
}

/** Signs this browser out (after the tear-down hooks) and goes to the sign-in page. */
export function signOutHere(): void {
  beforeSignOut.forEach((fn) => fn());
  void signOut({ callbackUrl: "/sign-in" });
}

/** The signed-in person's menu (Radix: focus, arrow keys, Escape and outside clicks are handled there). */
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
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        aria-label={t("userMenu")}
        className="flex items-center gap-2 rounded-full p-1 text-sm hover:bg-slate-100 sm:pr-3"
      >
        <span
          aria-hidden
          className="grid size-8 place-items-center rounded-full bg-brand-100 font-semibold text-brand-800"
        >
          {initials}
        </span>
        <span className="hidden font-medium text-slate-800 sm:inline">{name}</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={8} className={menuContentClass}>
          <DropdownMenu.Label className="border-b border-slate-100 px-3 py-2">
            <span className="block truncate text-sm font-semibold text-slate-900">{name}</span>
            <span className="block truncate text-xs text-slate-600">{email}</span>
          </DropdownMenu.Label>
          <DropdownMenu.Item asChild className={`mt-1 ${menuItemClass}`}>
            <Link href="/account">{t("myAccount")}</Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item className={menuItemClass} onSelect={leave}>
            {t("signOut")}
          </DropdownMenu.Item>
          <DropdownMenu.Item
            className={menuItemClass}
            disabled={everywhere.isPending}
            onSelect={() => everywhere.mutate()}
          >
            {t("signOutEverywhere")}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
