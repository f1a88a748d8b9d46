"use client";
import { useTranslations } from "next-intl";
import { Dialog } from "@/components/ui/dialog";
import { LazyBoundary, lazyWithPreload } from "@/components/ui/lazy";
import type { LinkTarget } from "./link-operator-form";

export const LinkOperatorForm = lazyWithPreload(() => import("./link-operator-form"));

/** Picks the operator a member acts as (search by name), or removes the link. */
export function LinkOperatorDialog({
  member,
  onClose,
  onChanged,
}: {
  member: LinkTarget;
  onClose: () => void;
  onChanged: () => void;
}) {
  const t = useTranslations("team.members");
  return (
    <Dialog open onClose={onClose} title={t("linkTitle", { name: member.name })}>
      <LazyBoundary>
        <LinkOperatorForm member={member} onClose={onClose} onChanged={onChanged} />
      </LazyBoundary>
    </Dialog>
  );
}
