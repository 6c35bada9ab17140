"use server";

import { setUserActive, setUserActiveInput } from "@/lib/server/users/set-user-active";
import { runAction } from "@/lib/server/actions/run-action";

export async function setUserActiveAction(input: unknown) {
  return runAction(setUserActiveInput, input, setUserActive, { revalidate: ["/admin/users", "/"], message: "Saved." });
}
