/**
 * After the whole run: the portals' logs, captured over every flow the suite drove
 * (sign-ups, onboarding, operators with chat passwords, the chat's accessTokens, webhooks),
 * hold none of the canary secrets, none of the typed passwords, no JWT (session
 * cookies and vendor accessTokens are JWTs) and no invitation or password-reset link (the
 * link is the credential; production e-mails it and logs only that it was sent). The one
 * exception: `npm run dev` without SMTP_URL writes e-mails to its log (e2e/dev-mode.spec.ts's
 * dev.log), where the link is what a developer needs.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { E2E_PASSWORDS, E2E_SECRETS, SERVER_LOG_DIR } from "./secrets";

const JWT = /eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/;
const DEVELOPMENT_LOG = "dev.log";
const LINK_TOKEN = /\/(invite|reset-password)\/[A-Za-z0-9_-]{43}/;

export default function globalTeardown(): void {
  if (!existsSync(SERVER_LOG_DIR))
    throw new Error(`no server logs in ${SERVER_LOG_DIR}: the e2e server did not capture them`);
  const needles = Object.entries({ ...E2E_SECRETS, ...E2E_PASSWORDS });
  const problems: string[] = [];
  let lines = 0;
  let vendorCalls = 0;
  for (const name of readdirSync(SERVER_LOG_DIR)) {
    const text = readFileSync(path.join(SERVER_LOG_DIR, name), "utf8");
    text.split("\n").forEach((line, i) => {
      lines++;
      if (/"msg":"(plugchat|cdp) call/.test(line)) vendorCalls++;
      for (const [secret, value] of needles)
        if (line.includes(value)) problems.push(`${name}:${i + 1} contains ${secret}`);
      if (JWT.test(line)) problems.push(`${name}:${i + 1} contains a JWT`);
      if (name !== DEVELOPMENT_LOG && LINK_TOKEN.test(line)) problems.push(`${name}:${i + 1} contains a link token`);
    });
  }
  console.log(`server logs: ${lines} lines, ${vendorCalls} vendor calls logged, ${problems.length} secrets found`);
  if (lines === 0) throw new Error("the server logs are empty: nothing was checked");
  if (problems.length) throw new Error(`secrets in the server logs:\n${problems.slice(0, 20).join("\n")}`);
}
