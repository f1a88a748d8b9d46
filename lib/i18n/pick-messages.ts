/**
 * The part of the message catalogue a client component tree needs. Everything passed to
 * NextIntlClientProvider is serialized into every page's HTML, so each layout hands the browser
 * only the namespaces its client components read (lib/i18n/client-messages.tsx).
 */

/** Read by client components on every page: the header, field errors and error sentences. */
export const BASE_CLIENT_NAMESPACES = ["common", "errors", "validation"] as const;

type Tree = { [key: string]: string | Tree };

/** The messages under each path ("team" or "team.accept"), in the catalogue's shape; unknown paths are skipped. */
export function pickMessages(messages: Tree, paths: readonly string[]): Tree {
  const out: Tree = {};
  for (const path of paths) {
    const keys = path.split(".");
    let from: string | Tree | undefined = messages;
    for (const key of keys) from = typeof from === "object" ? from[key] : undefined;
    if (from === undefined) continue;
    let to = out;
    keys.slice(0, -1).forEach((key) => {
      const next = to[key];
      to = typeof next === "object" ? next : (to[key] = {});
    });
    to[keys[keys.length - 1]!] = from;
  }
  return out;
}
