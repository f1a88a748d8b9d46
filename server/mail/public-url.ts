/** Where links in e-mails point: the portal's public address (PUBLIC_URL in production). */
import "server-only";
import { env } from "@/server/config/env";

export function portalPublicUrl(): string {
  return (process.env.PUBLIC_URL || env.PUBLIC_URL || env.NEXTAUTH_URL || "http://localhost:3000").replace(/\/$/, "");
}
