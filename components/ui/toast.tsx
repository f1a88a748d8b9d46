"use client";
/**
 * Toasts: short confirmations and refusals after an action, read out by screen readers (a polite
 * live region that is in the page before any toast arrives). `toast.success(message)` from any
 * client component; the one <Toaster /> sits in the root layout. Each toast leaves after
 * TOAST_MS, paused while the pointer is on them. A few lines instead of sonner
 * (~13 kB gzip on every page).
 */
import { clsx } from "clsx";
import { useEffect, useRef, useSyncExternalStore } from "react";

type Tone = "default" | "success" | "info" | "warning" | "error";
interface ToastItem {
  id: number;
  tone: Tone;
  message: React.ReactNode;
}

export const TOAST_MS = 4000;
const MAX_SHOWN = 3;

let items: readonly ToastItem[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const setItems = (next: readonly ToastItem[]) => {
  items = next;
  listeners.forEach((l) => l());
};
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const none: readonly ToastItem[] = [];

function show(tone: Tone, message: React.ReactNode): number {
  const id = nextId++;
  setItems([...items, { id, tone, message }].slice(-MAX_SHOWN));
  return id;
}

/** Shows a toast; `toast.success` / `.info` / `.warning` / `.error` pick its colour. */
export const toast = Object.assign((message: React.ReactNode) => show("default", message), {
  success: (message: React.ReactNode) => show("success", message),
  info: (message: React.ReactNode) => show("info", message),
  warning: (message: React.ReactNode) => show("warning", message),
  error: (message: React.ReactNode) => show("error", message),
  dismiss: (id: number) => setItems(items.filter((t) => t.id !== id)),
});

const tones: Record<Tone, string> = {
  default: "border-slate-200 bg-white text-slate-900",
  success: "border-emerald-200 bg-emerald-50 text-emerald-900",
  info: "border-sky-200 bg-sky-50 text-sky-900",
  warning: "border-amber-200 bg-amber-50 text-amber-900",
  error: "border-red-200 bg-red-50 text-red-900",
};

export function Toaster() {
  const shown = useSyncExternalStore(
    subscribe,
    () => items,
    () => none,
  );
  const paused = useRef(false);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  // One timer per toast, started when it appears (or when the pause ends).
  useEffect(() => {
    const live = timers.current;
    if (!paused.current) {
      for (const t of shown) {
        if (!live.has(t.id))
          live.set(
            t.id,
            setTimeout(() => toast.dismiss(t.id), TOAST_MS),
          );
      }
    }
    for (const [id, timer] of live) {
      if (!shown.some((t) => t.id === id)) {
        clearTimeout(timer);
        live.delete(id);
      }
    }
  }, [shown]);

  const pause = () => {
    paused.current = true;
    timers.current.forEach(clearTimeout);
    timers.current.clear();
  };
  const resume = () => {
    paused.current = false;
    for (const t of items)
      timers.current.set(
        t.id,
        setTimeout(() => toast.dismiss(t.id), TOAST_MS),
      );
  };

  return (
    <div
      aria-live="polite"
      aria-relevant="additions text"
      className="pointer-events-none fixed inset-x-0 top-4 z-50 flex flex-col items-center gap-2 px-4"
      onPointerEnter={pause}
      onPointerLeave={resume}
    >
      {shown.map((t) => (
        <div
          key={t.id}
          data-toast={t.tone}
          className={clsx(
            "pointer-events-auto w-full max-w-sm rounded-lg border px-4 py-3 text-sm font-medium shadow-card",
            tones[t.tone],
          )}
        >
          {t.message}
        </div>
      ))}
    </div>
  );
}
