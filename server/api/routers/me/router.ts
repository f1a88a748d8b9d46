import { createTRPCRouter } from "@/server/api/trpc";
import { cancelEmailChange } from "./cancel-email-change";
import { changeEmail } from "./change-email";
import { changePassword } from "./change-password";
import { deleteAccount } from "./delete-account";
import { deletionStatus } from "./deletion-status";
import { get } from "./get";
import { signOutEverywhere } from "./sign-out-everywhere";
import { updateName } from "./update-name";

export const meRouter = createTRPCRouter({
  get,
  signOutEverywhere,
  changePassword,
  changeEmail,
  cancelEmailChange,
  updateName,
  deletionStatus,
  deleteAccount,
});
