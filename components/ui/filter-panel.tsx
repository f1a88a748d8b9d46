"use client";
/**
 * A page's filters: in a card from `sm` up; on phones folded behind one "Filtros" button (with how
 * many are in use), so the first screen shows the list, not six fields.
 */
import { clsx } from "clsx";
import { useId, useState } from "react";
import { Badge } from "./badge";
import { Button } from "./button";
import { Card } from "./card";

export function FilterPanel({
  label,
  activeSummary,
  className,
  children,
}: {
  /** The button's text and the region's name ("Filtros"). */
  label: string;
  /** How many filters are in use, in words ("2 ativos"); nothing when none. */
  activeSummary?: string;
  /** Classes for the card's layout (its grid). */
  className?: string;
  children: React.ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="flex flex-col gap-2">
      <Button
        type="button"
        variant="secondary"
        className="self-start sm:hidden"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((was) => !was)}
      >
        <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="currentColor">
          <path d="M3 4h14l-5.5 6.5V16l-3 1.5v-7z" />
        </svg>
        {label}
        {activeSummary && (
          <Badge tone="brand" size="sm">
            {activeSummary}
          </Badge>
        )}
      </Button>
      <Card as="section" aria-label={label} id={id} padding="md" className={clsx(className, !open && "max-sm:hidden")}>
        {children}
      </Card>
    </div>
  );
}
