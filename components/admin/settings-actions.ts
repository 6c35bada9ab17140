"use server";

import { runAction } from "@/lib/server/actions/run-action";
import { updateSettingGroup, updateSettingsInput } from "@/lib/server/settings/update-settings";

export async function updateSettingsAction(input: unknown) {
  return runAction(updateSettingsInput, input, updateSettingGroup, {
    revalidate: ["/admin/settings"],
    message: "Saved. The new rules apply from now on.",
  });
}
