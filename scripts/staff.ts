/**
 * `npm run staff:grant <email>` / `npm run staff:revoke <email>`: marks an existing portal
 * account as platform staff (the console at /admin), or takes it away. Opens the same database
 * the portal uses (DATABASE_URL, else the PGlite folder under DATA_DIR — stop the portal first
 * when it runs on PGlite: only one process may own that folder).
 */
import { getDb } from "@/server/db/client";
import { setStaff } from "@/server/auth/staff";

const [command, email] = process.argv.slice(2);
if ((command !== "grant" && command !== "revoke") || !email) {
  console.error("usage: npm run staff:grant <email>  |  npm run staff:revoke <email>");
  process.exit(2);
}

const handle = await getDb();
const outcome = await setStaff(handle.db, email, command === "grant");
await handle.close();
const messages = {
  granted: `${email} is now platform staff. They must turn on two-step verification (Minha conta) to open /admin.`,
  revoked: `${email} is no longer platform staff.`,
  unchanged: command === "grant" ? `${email} was already platform staff.` : `${email} was not platform staff.`,
  no_account: `No portal account uses ${email}. Ask them to sign up first, then run this again.`,
} as const;
console.log(messages[outcome]);
process.exit(outcome === "no_account" ? 1 : 0);
