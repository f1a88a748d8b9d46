"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { notAfter } from "@/lib/i18n/past";
import { toast } from "@/components/ui/toast";
import { signOutHere } from "@/components/layout/user-menu";
import { Badge } from "@/components/ui/badge";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorDataOf, useErrorMessage } from "@/lib/errors/messages";
import { useTRPC } from "@/lib/trpc/react";

/** A session used within this long counts as in use right now (its last-seen time moves every few minutes). */
const ACTIVE_NOW_MS = 10 * 60 * 1000;

interface SessionRow {
  id: string;
  browser: string | null;
  system: string | null;
  ip: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
}

/** One card per live session; the others can be ended one by one or all at once. */
export function SessionsList() {
  const t = useTranslations("sessions");
  const tc = useTranslations("common");
  const errors = useErrorMessage();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.sessions.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.sessions.list.queryKey() });

  const end = useMutation(
    trpc.sessions.end.mutationOptions({
      onSuccess: () => toast.success(t("ended")),
      // Already ended elsewhere: say so, and show the list as it is now.
      onError: (error) => toast.error(errors.message(errorDataOf(error))),
      onSettled: refresh,
    }),
  );
  const endOthers = useMutation(
    trpc.sessions.endOthers.mutationOptions({
      onSuccess: (r) => toast.success(t("endedOthers", { count: r.ended })),
      onError: (error) => toast.error(errors.message(errorDataOf(error))),
      onSettled: refresh,
    }),
  );

  if (list.isPending) return <p className="text-sm text-slate-600">{t("loading")}</p>;
  if (list.isError)
    return (
      <Alert className="flex flex-wrap items-center justify-between gap-3">
        <span>{t("loadFailed")}</span>
        <Button type="button" variant="secondary" onClick={() => void list.refetch()}>
          {tc("retry")}
        </Button>
      </Alert>
    );

  const others = list.data.filter((s) => !s.current).length;
  return (
    <div className="flex flex-col gap-4">
      <ul aria-labelledby="sessions-title" className="flex flex-col gap-3">
        {list.data.map((session) => (
          <SessionCard
            key={session.id}
            session={session}
            ending={end.isPending && end.variables?.id === session.id}
            onEnd={() => end.mutate({ id: session.id })}
          />
        ))}
      </ul>
      {others > 0 ? (
        <Button
          type="button"
          variant="secondary"
          className="self-start"
          busy={endOthers.isPending}
          onClick={() => endOthers.mutate()}
        >
          {t("endOthers")}
        </Button>
      ) : (
        <p className="text-sm text-slate-600">{t("noOthers")}</p>
      )}
    </div>
  );
}

function SessionCard({ session, ending, onEnd }: { session: SessionRow; ending: boolean; onEnd: () => void }) {
  const t = useTranslations("sessions");
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  const device = [session.browser ?? t("unknownBrowser"), session.system].filter(Boolean).join(" · ");
  const address = session.ip ? t("address", { ip: session.ip }) : t("unknownAddress");
  const activeNow = session.current || now.getTime() - session.lastSeenAt.getTime() < ACTIVE_NOW_MS;
  return (
    <li className="flex flex-col gap-3 rounded-lg border border-slate-200 p-4 sm:flex-row sm:items-start sm:justify-between">
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
          <span className="break-words">{device}</span>
          {session.current && (
            <Badge tone="brand" size="sm">
              {t("thisSession")}
            </Badge>
          )}
        </p>
        <p className="mt-1 break-all text-sm text-slate-600">{address}</p>
        <p className="mt-1 text-sm text-slate-600">
          {t("startedAt", { date: format.dateTime(session.createdAt, { dateStyle: "long", timeStyle: "short" }) })}
        </p>
        <p className="text-sm text-slate-600">
          {activeNow
            ? t("activeNow")
            : t("lastActive", { when: format.relativeTime(notAfter(session.lastSeenAt, now), now) })}
        </p>
      </div>
      {session.current ? (
        <Button
          type="button"
          variant="ghost"
          className="self-start"
          aria-label={t("signOutHereLabel")}
          onClick={signOutHere}
        >
          {t("signOutHere")}
        </Button>
      ) : (
        <Button
          type="button"
          variant="secondary"
          className="self-start"
          busy={ending}
          aria-label={t("endLabel", { device, address })}
          onClick={onEnd}
        >
          {t("end")}
        </Button>
      )}
    </li>
  );
}
