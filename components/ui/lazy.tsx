"use client";
/**
 * Code that only a click needs (a dialog's form, a file parser) stays out of the page's first
 * download (issue 13's JS budget). `lazyWithPreload` is React.lazy plus `preload()`, which a
 * button calls on pointer-enter or focus so the chunk is usually there before the click lands.
 * `LazyBoundary` shows a quiet placeholder while the chunk arrives.
 */
import { lazy, Suspense, useEffect, useRef, type ComponentType, type LazyExoticComponent } from "react";
import { useTranslations } from "next-intl";

export type Preloadable<P> = LazyExoticComponent<ComponentType<P>> & { preload: () => Promise<unknown> };

export function lazyWithPreload<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): Preloadable<P> {
  let pending: Promise<{ default: ComponentType<P> }> | undefined;
  const preload = () => (pending ??= load());
  return Object.assign(lazy(preload), { preload });
}

/** Props for the button that opens lazy content: warm the chunk before the click. */
export function preloadOn(target: { preload: () => Promise<unknown> }) {
  const warm = () => void target.preload().catch(() => undefined);
  return { onPointerEnter: warm, onFocus: warm };
}

export function LazyBoundary({ children }: { children: React.ReactNode }) {
  return (
    <Suspense fallback={<LazyPlaceholder />}>
      {children}
      <FocusFirstFieldOnArrival />
    </Suspense>
  );
}

const FIRST_FIELD = "input:not([type=hidden]):not(:disabled), select:not(:disabled), textarea:not(:disabled)";

/**
 * A modal dialog opened on the placeholder (nothing to focus) gives focus to the dialog itself;
 * when the content arrives, the first field takes it, as showModal() would have done had the
 * content been there. Focus the user already moved inside the dialog is left alone.
 */
function FocusFirstFieldOnArrival() {
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const dialog = marker.current?.closest("dialog");
    if (!dialog?.open) return;
    const active = document.activeElement;
    if (active !== dialog && dialog.contains(active)) return;
    dialog.querySelector<HTMLElement>(FIRST_FIELD)?.focus();
  }, []);
  return <span ref={marker} hidden />;
}

function LazyPlaceholder() {
  const t = useTranslations("common");
  return (
    <p role="status" className="py-6 text-center text-sm text-slate-500">
      {t("loading")}
    </p>
  );
}
