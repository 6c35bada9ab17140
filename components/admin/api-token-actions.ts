"use server";

import { runAction } from "@/lib/server/actions/run-action";
import { createApiToken, createApiTokenInput } from "@/lib/server/api-tokens/create-api-token";
import { revokeApiToken, revokeApiTokenInput } from "@/lib/server/api-tokens/revoke-api-token";

export async function createApiTokenAction(input: unknown) {
  return runAction(createApiTokenInput, input, createApiToken, { revalidate: ["/admin/api-tokens"], message: "Token created." });
}

export async function revokeApiTokenAction(input: unknown) {
  return runAction(revokeApiTokenInput, input, (user, data) => revokeApiToken(user, data), { revalidate: ["/admin/api-tokens"], message: "Token revoked." });
}
