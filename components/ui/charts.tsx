/**
 * Charts drawn as SVG on the server (no chart library in the browser). Each is an image with a
 * title and a description (role="img", aria-labelledby), and the page puts a table with the same
 * figures beside or below it: the table is the accessible equivalent. Bars live in an SVG that
 * stretches to its box (preserveAspectRatio="none"); every word is HTML around it, so labels stay
 * readable at any width, from a 360 px phone to a desktop.
 */
import { clsx } from "clsx";
import { useId } from "react";

/** One coloured part of a bar (a stack's segment). */
export interface BarPart {
  value: number;
  /** An SVG fill (a hex colour). */
  color: string;
}

/** A chart's accessible name and description (shown to screen readers; the title is also the figure's caption). */
interface ChartText {
  title: string;
  description: string;
}

function SvgText({ ids, text }: { ids: { title: string; desc: string }; text: ChartText }) {
  return (
    <>
      <title id={ids.title}>{text.title}</title>
      <desc id={ids.desc}>{text.description}</desc>
    </>
  );
}

/**
 * Vertical stacked bars, one per column (a day), scaled to the tallest column; `axisTop` names
 * that height ("12 atendimentos"), `axisStart`/`axisEnd` the first and last columns.
 */
export function ColumnChart({
  columns,
  text,
  axisTop,
  axisStart,
  axisEnd,
  className,
}: {
  columns: ReadonlyArray<{ key: string; parts: readonly BarPart[] }>;
  text: ChartText;
  axisTop: string;
  axisStart: string;
  axisEnd: string;
  className?: string;
}) {
  const id = useId();
  const ids = { title: `${id}-title`, desc: `${id}-desc` };
  const max = Math.max(1, ...columns.map((c) => c.parts.reduce((sum, p) => sum + p.value, 0)));
  const slot = 10;
  const width = Math.max(1, columns.length) * slot;
  return (
    <figure className={clsx("flex min-w-0 flex-col gap-1", className)}>
      <p aria-hidden className="text-xs text-slate-600">
        {axisTop}
      </p>
      <svg
        role="img"
        aria-labelledby={`${ids.title} ${ids.desc}`}
        viewBox={`0 0 ${width} 100`}
        preserveAspectRatio="none"
        className="h-44 w-full border-b border-slate-300 sm:h-56"
      >
        <SvgText ids={ids} text={text} />
        {[25, 50, 75].map((y) => (
          <line
            key={y}
            x1={0}
            x2={width}
            y1={y}
            y2={y}
            stroke="#e2e8f0"
            strokeWidth={1}
            vectorEffect="non-scaling-stroke"
          />
        ))}
        {columns.map((column, i) => {
          let top = 100;
          return (
            <g key={column.key}>
              {column.parts.map((part, j) => {
                if (part.value <= 0) return null;
                const height = (part.value / max) * 100;
                top -= height;
                return (
                  <rect
                    key={j}
                    x={i * slot + slot * 0.15}
                    width={slot * 0.7}
                    y={top}
                    height={height}
                    fill={part.color}
                  />
                );
              })}
            </g>
          );
        })}
      </svg>
      <div aria-hidden className="flex justify-between gap-2 text-xs text-slate-600">
        <span>{axisStart}</span>
        <span>{axisEnd}</span>
      </div>
    </figure>
  );
}

/** Horizontal bars, one row each: its label on the left, the bar, its value on the right. */
export function BarList({
  rows,
  max,
  text,
  className,
}: {
  rows: ReadonlyArray<{ key: string; label: string; value: number; display: string; color: string }>;
  /** The value of a full bar (e.g. 5 for ratings); the largest value when not given. */
  max?: number;
  text: ChartText;
  className?: string;
}) {
  const id = useId();
  const ids = { title: `${id}-title`, desc: `${id}-desc` };
  const full = max ?? Math.max(1, ...rows.map((r) => r.value));
  const rowHeight = 10;
  return (
    <figure
      className={clsx("grid min-w-0 grid-cols-[minmax(0,9rem)_minmax(0,1fr)_auto] gap-x-3", className)}
      style={{ gridTemplateRows: `repeat(${Math.max(1, rows.length)}, 2rem)` }}
    >
      {rows.map((row, i) => (
        <span
          key={`label-${row.key}`}
          aria-hidden
          className="col-start-1 flex items-center truncate text-sm text-slate-700"
          style={{ gridRowStart: i + 1 }}
        >
          {row.label}
        </span>
      ))}
      <svg
        role="img"
        aria-labelledby={`${ids.title} ${ids.desc}`}
        viewBox={`0 0 100 ${Math.max(1, rows.length) * rowHeight}`}
        preserveAspectRatio="none"
        className="col-start-2 row-start-1 h-full w-full"
        style={{ gridRowEnd: Math.max(1, rows.length) + 1 }}
      >
        <SvgText ids={ids} text={text} />
        {rows.map((row, i) => (
          <g key={row.key}>
            <rect x={0} width={100} y={i * rowHeight + 2.5} height={rowHeight - 5} fill="#f1f5f9" />
            <rect
              x={0}
              width={Math.max(0, Math.min(1, row.value / full)) * 100}
              y={i * rowHeight + 2.5}
              height={rowHeight - 5}
              fill={row.color}
            />
          </g>
        ))}
      </svg>
      {rows.map((row, i) => (
        <span
          key={`value-${row.key}`}
          aria-hidden
          className="col-start-3 flex items-center justify-end text-sm font-medium tabular-nums text-slate-900"
          style={{ gridRowStart: i + 1 }}
        >
          {row.display}
        </span>
      ))}
    </figure>
  );
}

/** A chart's colour key: swatches and their meaning. */
export function ChartLegend({
  items,
  label,
}: {
  items: ReadonlyArray<{ label: string; color: string }>;
  label: string;
}) {
  return (
    <ul aria-label={label} className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
      {items.map((item) => (
        <li key={item.label} className="flex items-center gap-1.5">
          <svg aria-hidden viewBox="0 0 10 10" className="size-3">
            <rect width={10} height={10} rx={2} fill={item.color} />
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}
