"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { LazyBoundary, lazyWithPreload, preloadOn } from "@/components/ui/lazy";
import { errorDataOf, useErrorMessage } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";
import type { CreatedInvitation } from "./invite-form";

const InviteForm = lazyWithPreload(() => import("./invite-form"));

/** The invite button (its form in a dialog), the link just created (to copy), and the invitations still open. */
export function InvitePanel({ onChanged }: { onChanged: () => void }) {
  const t = useTranslations("team.invite");
  const tr = useTranslations("team.roles");
  const format = useFormatter();
  const errors = useErrorMessage();
  const trpc = useTRPC();
  const [inviting, setInviting] = useState(false);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const revoke = useMutation(trpc.invitations.revoke.mutationOptions());
  const pending = useQuery(trpc.invitations.list.queryOptions());

  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.link);
      toast.success(t("copied"));
    } catch {
      toast.error(t("copyFailed"));
    }
  };

  const when = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" });

  return (
    <Card className="flex flex-col gap-5">
      <div>
        <h2 className="text-lg font-semibold text-slate-900">{t("heading")}</h2>
        <p className="mt-1 text-sm text-slate-600">{t("subtitle")}</p>
      </div>
      <div>
        <Button type="button" onClick={() => setInviting(true)} {...preloadOn(InviteForm)}>
          {t("open")}
        </Button>
      </div>
      <Dialog open={inviting} onClose={() => setInviting(false)} title={t("title")}>
        <LazyBoundary>
          <InviteForm
            onCancel={() => setInviting(false)}
            onCreated={(invitation) => {
              setInviting(false);
              setCreated(invitation);
              onChanged();
            }}
          />
        </LazyBoundary>
      </Dialog>
      {created && (
        <div className="rounded-lg border border-brand-200 bg-brand-50 p-4" data-testid="invite-link-box">
          <label htmlFor="invite-link" className="text-sm font-medium text-brand-900">
            {t("linkLabel")}
          </label>
          <div className="mt-1.5 flex flex-col gap-2 sm:flex-row">
            <input
              id="invite-link"
              readOnly
              value={created.link}
              onFocus={(e) => e.currentTarget.select()}
              className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono text-xs text-slate-900"
            />
            <Button type="button" variant="secondary" className="whitespace-nowrap" onClick={() => void copy()}>
              {t("copy")}
            </Button>
          </div>
          <p className="mt-2 text-xs text-brand-900">{t("expires", { date: when(created.expiresAt) })}</p>
        </div>
      )}
      <div>
        <h3 className="text-sm font-semibold text-slate-900">{t("pendingTitle")}</h3>
        {pending.data && pending.data.length === 0 && (
          <p className="mt-2 text-sm text-slate-600">{t("pendingEmpty")}</p>
        )}
        {pending.data && pending.data.length > 0 && (
          <ul
            className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200"
            aria-label={t("pendingTitle")}
          >
            {pending.data.map((inv) => (
              <li key={inv.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2.5 text-sm">
                <span className="min-w-0">
                  <span className="font-medium break-all text-slate-900">{inv.email}</span>{" "}
                  <span className="text-slate-600">· {tr(inv.role)} · </span>
                  <span className={inv.expired ? "font-medium text-danger-700" : "text-slate-600"}>
                    {inv.expired ? t("expired") : t("expiresOn", { date: when(inv.expiresAt) })}
                  </span>
                </span>
                <Button
                  type="button"
                  variant="ghost"
                  className="px-2 py-1"
                  aria-label={t("revokeLabel", { email: inv.email })}
                  busy={revoke.isPending && revoke.variables?.id === inv.id}
                  onClick={() =>
                    revoke.mutate(
                      { id: inv.id },
                      {
                        onSuccess: () => {
                          toast.success(t("revoked", { email: inv.email }));
                          onChanged();
                        },
                        onError: (error) => toast.error(errors.message(errorDataOf(error))),
                      },
                    )
                  }
                >
                  {t("revoke")}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
