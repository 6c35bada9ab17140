"use server";

import { runAction } from "@/lib/server/actions/run-action";
import { changeRoleInput, changeUserRole, inviteUser, inviteUserInput, resetPasswordInput, resetUserPassword } from "@/lib/server/users/user-admin";

export async function inviteUserAction(input: unknown) {
  return runAction(inviteUserInput, input, inviteUser, { revalidate: ["/admin/users"], message: "User invited." });
}

export async function changeUserRoleAction(input: unknown) {
  return runAction(changeRoleInput, input, changeUserRole, { revalidate: ["/admin/users"], message: "Role changed." });
}

export async function resetUserPasswordAction(input: unknown) {
  return runAction(resetPasswordInput, input, resetUserPassword, { message: "New temporary password issued." });
}
