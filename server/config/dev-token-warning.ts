/**
 * `npm run dev` against a real chat provider without its token would silently send the
 * emulator's development token (server/config/secrets.ts) to that provider. This decides
 * when to say so. Pure: scripts/dev.ts calls it with its own environment before Next starts.
 */
import { DEV_CDP_TOKEN, DEV_PLUGCHAT_TOKEN } from "./env";

function isLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === "localhost" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
  } catch {
    return false;
  }
}

/** The warning to print, or null when the active provider's token is set (or it is a local emulator). */
export function devTokenWarning(e: Record<string, string | undefined>): string | null {
  const provider = e.CHAT_PROVIDER || "plugchat";
  const [baseVar, tokenVar, devToken] =
    provider === "cdp"
      ? (["CDP_BASE_URL", "CDP_TOKEN", DEV_CDP_TOKEN] as const)
      : (["PLUGCHAT_BASE_URL", "PLUGCHAT_TOKEN", DEV_PLUGCHAT_TOKEN] as const);
  const baseUrl = e[baseVar]?.trim();
  if (!baseUrl || e[tokenVar]?.trim() || isLoopback(baseUrl)) return null;
  return (
    `${baseVar} is set (${baseUrl}) but ${tokenVar} is empty: the portal will send the development token ` +
    `"${devToken}" there, which a real provider refuses. Set ${tokenVar} to your integrator token, or unset ` +
    `${baseVar} to use the local emulator.`
  );
}
