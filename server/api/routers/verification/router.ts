import { createTRPCRouter } from "@/server/api/trpc";
import { confirm } from "./confirm";
import { link } from "./link";
import { resend } from "./resend";
import { status } from "./status";

export const verificationRouter = createTRPCRouter({ link, confirm, resend, status });
