"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth";
import { callbackPathSchema, signInSchema } from "@/lib/auth/schemas";
import { env } from "@/lib/env";
import { fieldErrorsOf } from "@/lib/server/actions/result";

export interface SignInState {
  error?: string;
  fieldErrors?: Record<string, string[]>;
  email?: string;
}

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get("email") ?? "");
  const parsed = signInSchema.safeParse({ email, password: formData.get("password") ?? "" });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), email };

  const redirectTo = callbackPathSchema.parse(formData.get("callbackUrl") ?? "/");
  try {
    await signIn("credentials", { ...parsed.data, redirectTo });
    return {};
  } catch (error) {
    // A successful sign-in throws Next's redirect, which must propagate.
    if (!(error instanceof AuthError)) throw error;
    const code = "code" in error ? error.code : undefined;
    if (code === "locked") {
      return {
        email,
        error: `Too many failed sign-ins for this address. It is locked for ${env().SIGN_IN_LOCK_MINUTES} minutes; try again later or ask an admin.`,
      };
    }
    return { email, error: "That e-mail and password do not match. Check them and try again." };
  }
}
