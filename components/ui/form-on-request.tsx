"use client";
/**
 * A card's form that loads only when asked for (issue 13's JS budget: react-hook-form and the
 * zod schemas leave the page's first download). Until then a button, warmed on hover or focus;
 * the form focuses its own first field. When the form closes (cancelled or done), focus goes
 * back to the button so a keyboard user keeps their place.
 */
import { useEffect, useRef, useState } from "react";
import { Button } from "./button";
import { LazyBoundary, preloadOn } from "./lazy";

export function FormOnRequest({
  label,
  target,
  children,
}: {
  label: string;
  /** The lazy form, warmed before the click lands. */
  target: { preload: () => Promise<unknown> };
  /** The form, given a `close` to call when it is cancelled or done. */
  children: (close: () => void) => React.ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    if (open) wasOpen.current = true;
    else if (wasOpen.current) button.current?.focus();
  }, [open]);

  if (open) return <LazyBoundary>{children(() => setOpen(false))}</LazyBoundary>;
  return (
    <Button
      ref={button}
      type="button"
      variant="secondary"
      className="self-start"
      {...preloadOn(target)}
      onClick={() => setOpen(true)}
    >
      {label}
    </Button>
  );
}
