import { clsx } from "clsx";
import { codeGroups } from "@/lib/whatsapp/code-groups";

/**
 * A code to type elsewhere, in groups of four in a monospace face with a slashed zero; digits
 * in the brand colour so 0/O and 1/l/I are told apart. The groups are spaced by margins, not
 * spaces, so selecting and copying by hand gives the code as it is.
 */
export function GroupedCode({ code, className, ...props }: { code: string } & React.HTMLAttributes<HTMLElement>) {
  return (
    <code
      {...props}
      translate="no"
      className={clsx(
        "flex flex-wrap gap-x-3 gap-y-1 font-mono text-xl font-semibold text-slate-900 [font-variant-numeric:slashed-zero] sm:text-2xl",
        className,
      )}
    >
      {codeGroups(code).map((group, i) => (
        <span key={i} className="whitespace-nowrap">
          {group.map((c, j) => (
            <span key={j} className={clsx(c.kind === "digit" && "text-brand-700")}>
              {c.char}
            </span>
          ))}
        </span>
      ))}
    </code>
  );
}
