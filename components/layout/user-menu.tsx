"use client";
import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/lib/trpc/react";

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

export function UserMenu({ name, email }: { name: string; email: string }) {
  const t = useTranslations("common");
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const trpc = useTRPC();
  const leave = signOutHere;
  const everywhere = useMutation(trpc.me.signOutEverywhere.mutationOptions({ onSettled: leave }));

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === "Escape" : !ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  const initials = name
    .split(/\s+/)
    .slice(0, 2)
    .map((p) => p[0]?.toUpperCase() ?? "")
    .join("");

  return (
    <div ref={ref} className="relative">
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t("userMenu")}
        onClick={() => setOpen((v) => !v)}
        className="flex items-center gap-2 rounded-full py-1 pl-1 pr-3 text-sm hover:bg-slate-100"
      >
        <span
          aria-hidden
          className="grid size-8 place-items-center rounded-full bg-brand-100 font-semibold text-brand-800"
        >
          {initials}
        </span>
        <span className="hidden font-medium text-slate-800 sm:inline">{name}</span>
      </button>
      {open && (
        <div
          role="menu"
          className="absolute right-0 z-20 mt-2 w-64 rounded-lg border border-slate-200 bg-white p-2 shadow-card"
        >
          <div className="border-b border-slate-100 px-3 py-2">
            <p className="truncate text-sm font-semibold text-slate-900">{name}</p>
            <p className="truncate text-xs text-slate-600">{email}</p>
          </div>
          <Link
            href="/account"
            role="menuitem"
            onClick={() => setOpen(false)}
            className="mt-1 block w-full rounded-md px-3 py-2 text-left text-sm text-slate-800 hover:bg-slate-100"
          >
            {t("myAccount")}
          </Link>
          <button
            type="button"
            role="menuitem"
            onClick={leave}
            className="w-full rounded-md px-3 py-2 text-left text-sm text-slate-800 hover:bg-slate-100"
          >
            {t("signOut")}
          </button>
          <button
            type="button"
            role="menuitem"
            disabled={everywhere.isPending}
            onClick={() => everywhere.mutate()}
            className="w-full rounded-md px-3 py-2 text-left text-sm text-slate-800 hover:bg-slate-100"
          >
            {t("signOutEverywhere")}
          </button>
        </div>
      )}
    </div>
  );
}
