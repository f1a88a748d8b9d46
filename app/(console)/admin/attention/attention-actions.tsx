"use client";
/**
 * A row's "Tentar de novo" / "Marcar como resolvido": opens a dialog whose form (the reason, the
 * procedure call) loads on request — warmed when the pointer or focus reaches the button.
 */
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { LazyBoundary, lazyWithPreload, preloadOn } from "@/components/ui/lazy";
import type { AttentionKind } from "@/lib/validation/console-customers";

const ReasonForm = lazyWithPreload(() => import("./attention-reason-form"));

export function AttentionActions({
  kind,
  id,
  name,
  actions,
}: {
  kind: AttentionKind;
  id: string;
  name: string;
  actions: Array<"retry" | "resolve">;
}) {
  const t = useTranslations("admin.attention");
  const [open, setOpen] = useState<"retry" | "resolve" | null>(null);
  return (
    <div className="flex flex-wrap gap-2">
      {actions.includes("retry") && (
        <Button
          type="button"
          variant="secondary"
          className="whitespace-nowrap"
          context={name}
          onClick={() => setOpen("retry")}
          {...preloadOn(ReasonForm)}
        >
          {t("retry")}
        </Button>
      )}
      {actions.includes("resolve") && (
        <Button
          type="button"
          variant="ghost"
          className="whitespace-nowrap"
          context={name}
          onClick={() => setOpen("resolve")}
          {...preloadOn(ReasonForm)}
        >
          {t("resolve")}
        </Button>
      )}
      <Dialog
        open={open !== null}
        onClose={() => setOpen(null)}
        title={open === "resolve" ? t("dialogResolve", { name }) : t("dialogRetry", { name })}
      >
        {open && (
          <LazyBoundary>
            <ReasonForm action={open} kind={kind} id={id} onDone={() => setOpen(null)} />
          </LazyBoundary>
        )}
      </Dialog>
    </div>
  );
}
