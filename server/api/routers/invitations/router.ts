import { createTRPCRouter } from "@/server/api/trpc";
import { accept } from "./accept";
import { create } from "./create";
import { list } from "./list";
import { preview } from "./preview";
import { revoke } from "./revoke";

/** Admins list, create and revoke invitations; preview and accept are public (the token is the credential). */
export const invitationsRouter = createTRPCRouter({ list, create, revoke, preview, accept });
