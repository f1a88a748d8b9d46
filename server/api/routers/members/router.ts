import { createTRPCRouter } from "@/server/api/trpc";
import { changeRole } from "./change-role";
import { leave } from "./leave";
import { linkOperator } from "./link-operator";
import { list } from "./list";
import { removeMember } from "./remove-member";
import { transferOwnership } from "./transfer-ownership";

export const membersRouter = createTRPCRouter({
  list,
  changeRole,
  removeMember,
  leave,
  transferOwnership,
  linkOperator,
});
