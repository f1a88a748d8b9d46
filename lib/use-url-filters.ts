"use client";
/**
 * A list page's filters live in the URL (shareable, survive a reload): read them with the page's
 * own parser, go to other filters (router.push, so Back returns), and a filter form whose submit
 * goes to what it holds (and `clear`, back to none). Render the form with `key={formKey}` so its fields follow the URL.
 */
import { usePathname, useRouter, useSearchParams } from "next/navigation";

export function useUrlFilters<F>(
  parse: (params: URLSearchParams) => F,
  toParams: (filters: F) => URLSearchParams,
  /** The filter form's field names (its empty fields are left out, as a missing parameter). */
  fields: readonly string[],
) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const formKey = searchParams.toString();
  const filters = parse(new URLSearchParams(formKey));
  const go = (next: F) => {
    const qs = toParams(next).toString();
    router.push(qs ? `${pathname}?${qs}` : pathname);
  };
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const params = new URLSearchParams();
    for (const key of fields) {
      const v = form.get(key);
      if (typeof v === "string" && v) params.set(key, v);
    }
    go(parse(params));
  };
  /** Back to no filters. */
  const clear = () => router.push(pathname);
  return { filters, go, clear, onSubmit, formKey };
}
