"use server";

import { revalidatePath } from "next/cache";
import { csmProfileFormValues, csmProfileInput } from "@/lib/csm-profiles/schema";
import { failure, fieldErrorsOf, nulFailure, type ActionResult } from "@/lib/server/actions/result";
import { saveCsmProfile } from "@/lib/server/csm-profiles/csm-profiles";
import { requireUser } from "@/lib/server/session";

export type CsmProfileState = ActionResult | null;

export async function saveCsmProfileAction(_previous: CsmProfileState, formData: FormData): Promise<CsmProfileState> {
  const nul = nulFailure(formData);
  if (nul) return nul;
  const values = csmProfileFormValues(formData);
  const parsed = csmProfileInput.safeParse(values);
  if (!parsed.success) return { ok: false, error: "Some fields need attention.", fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    const { warnings } = await saveCsmProfile(await requireUser(), values);
    revalidatePath("/admin/csm-profiles");
    revalidatePath(`/admin/csm-profiles/${parsed.data.userId}`);
    revalidatePath("/csms");
    const warning = warnings.length > 0 ? ` Note: ${warnings.join(" ")}` : "";
    return { ok: true, data: undefined, message: `Profile saved. New suggestions use it at once.${warning}` };
  } catch (error) {
    return failure(error);
  }
}
