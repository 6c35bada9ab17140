"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/server/auth/next-auth";
import { callbackPathSchema, signInSchema } from "@/lib/auth/schemas";
import { refusalMessage } from "@/lib/auth/throttle";
import { fieldErrorsOf } from "@/lib/server/actions/result";
import { DATABASE_UNREACHABLE_MESSAGE } from "@/lib/server/database-health";

export interface SignInState {
  error?: string;
  fieldErrors?: Record<string, string[]>;
  email?: string;
}

/** The form's message for a refused sign-in, from the code the Credentials provider threw (lib/auth/index.ts). */
function refusalText(code: string | undefined): string {
  if (code === "database_unreachable") return DATABASE_UNREACHABLE_MESSAGE;
  const [kind, amount] = (code ?? "").split(":");
  if (kind === "address-locked") return refusalMessage({ kind, minutes: Number(amount) || 1 });
  if (kind === "account-slowed") return refusalMessage({ kind, seconds: Number(amount) || 1 });
  return "That e-mail and password do not match. Check them and try again.";
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
    const code = "code" in error && typeof error.code === "string" ? error.code : undefined;
    return { email, error: refusalText(code) };
  }
}
