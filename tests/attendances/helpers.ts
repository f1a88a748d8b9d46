/**
 * Attendances test plumbing: an organization whose emulator account posts its webhooks over HTTP
 * to a small receiver in front of the portal's own webhook code (receiveWebhook on the test
 * database), as the vendor would call the portal.
 */
import { createHash, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { PlugchatEmulator } from "@/emulators/plugchat";
import type { Db } from "@/server/db/client";
import { vendorAccounts } from "@/server/db/schema";
import { receiveWebhook } from "@/server/webhooks/receiver";
import { TOKEN } from "../vendor/helpers";

/** An HTTP server that hands each POST /api/webhooks/plugchat/:token/:event to receiveWebhook. */
export async function startWebhookReceiver(db: Db): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const [, , , , token, event] = (req.url ?? "").split("/");
      const request = new Request(`http://receiver${req.url}`, {
        method: "POST",
        headers: { "content-type": req.headers["content-type"] ?? "" },
        body: Buffer.concat(chunks),
      });
      receiveWebhook(db, request, token ?? "", event ?? "")
        .then((r) => res.writeHead(r.status).end())
        .catch(() => res.writeHead(500).end());
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

async function vendor<T>(emu: PlugchatEmulator, method: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${emu.baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}`);
  return (await res.json()) as T;
}

/**
 * Links `organizationId` to a new emulator account whose webhooks reach `receiverOrigin`, with
 * two departments ("Vendas", "Suporte") and an operator in each.
 */
export async function linkAccount(
  db: Db,
  emu: PlugchatEmulator,
  organizationId: string,
  receiverOrigin: string,
): Promise<{ accountId: string }> {
  const token = randomBytes(32).toString("base64url");
  const hook = (event: string) => `${receiverOrigin}/api/webhooks/plugchat/${token}/${event}`;
  const { accountId } = await vendor<{ accountId: string }>(emu, "POST", "/account", {
    externalId: organizationId,
    name: "Padaria",
    active: true,
    onStartAttendance: hook("start"),
    onFinishAttendance: hook("finish"),
  });
  await db.insert(vendorAccounts).values({
    organizationId,
    provider: "plugchat",
    name: "Padaria",
    state: "synced",
    vendorAccountId: accountId,
    webhookTokenHash: createHash("sha256").update(token).digest("hex"),
  });
  for (const [department, operator] of [
    ["Vendas", "Ana Lima"],
    ["Suporte", "Bruno Costa"],
  ] as const) {
    const dep = await vendor<{ id: string }>(emu, "POST", `/account/${accountId}/departments`, {
      name: department,
      active: true,
    });
    await vendor(emu, "POST", `/account/${accountId}/operators`, {
      name: operator,
      active: true,
      departments: [dep.id],
    });
  }
  return { accountId };
}

export async function fire(emu: PlugchatEmulator, accountId: string, count: number) {
  const res = await fetch(`${emu.origin}/__emulator/accounts/${accountId}/attendances/fire`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ count }),
  });
  if (!res.ok) throw new Error(`fire → ${res.status} ${await res.text()}`);
  return (await res.json()) as { fired: number; attendanceNumbers: number[]; failedDeliveries: number };
}
