"use server";

import { revalidatePath } from "next/cache";
import { setUserActive, setUserActiveInput } from "@/lib/server/users/set-user-active";
import { failure, fieldErrorsOf, type ActionResult } from "@/lib/server/actions/result";
import { requireUser } from "@/lib/server/session";

export async function setUserActiveAction(input: unknown): Promise<ActionResult> {
  const parsed = setUserActiveInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: "Some fields need attention.", fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await setUserActive(await requireUser(), parsed.data);
    revalidatePath("/admin/users");
    return { ok: true, data: undefined, message: parsed.data.active ? "User activated." : "User deactivated." };
  } catch (error) {
    return failure(error);
  }
}
