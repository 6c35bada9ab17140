import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { failure, fieldErrorsOf, nulFailure, type ActionResult } from "@/lib/server/actions/result";
import type { ActingUser } from "@/lib/server/authz";
import { requireUser } from "@/lib/server/session";

/**
 * Every server action: validate with the form's own schema → the signed-in user → the lib/server function
 * (which authorizes) → revalidate. Returns data, field errors, or a safe message.
 */
export async function runAction<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  work: (user: ActingUser, data: z.infer<S>) => Promise<T>,
  options: { revalidate?: string[]; message?: string } = {},
): Promise<ActionResult<T>> {
  const nul = nulFailure(input);
  if (nul) return nul;
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "Some fields need attention.", fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    const data = await work(await requireUser(), parsed.data);
    for (const path of options.revalidate ?? []) revalidatePath(path);
    return { ok: true, data, message: options.message };
  } catch (error) {
    return failure(error);
  }
}
