"use server";

import { signIn } from "@/lib/server/auth/next-auth";
import { OIDC_PROVIDER_ID } from "@/lib/auth/oidc";
import { callbackPathSchema } from "@/lib/auth/schemas";

/** Starts the SSO round trip; the provider sends the person back to the page they asked for. */
export async function signInWithSsoAction(formData: FormData): Promise<void> {
  const redirectTo = callbackPathSchema.parse(formData.get("callbackUrl") ?? "/");
  await signIn(OIDC_PROVIDER_ID, { redirectTo });
}
