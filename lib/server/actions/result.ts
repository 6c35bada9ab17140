import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { nulFieldErrors } from "@/lib/input/text";

// One result shape for every server action: data, field errors, or a safe message.
export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    (result[key] ??= []).push(issue.message);
  }
  return result;
}

/**
 * Any text of an action's input (an object, or a form's FormData) holding a NUL character, as a refusal with
 * the fields named; null when there is none. Every action checks it before its schema (runAction does it).
 */
export function nulFailure(input: unknown): { ok: false; error: string; fieldErrors: Record<string, string[]> } | null {
  const values = input instanceof FormData ? Object.fromEntries([...input.entries()].filter(([, value]) => typeof value === "string")) : input;
  const fieldErrors = nulFieldErrors(values);
  return Object.keys(fieldErrors).length > 0 ? { ok: false, error: "Some fields need attention.", fieldErrors } : null;
}

/** Turns a thrown error into the action result: expected codes keep their message, the rest get an id. */
export function failure(error: unknown): { ok: false; error: string; fieldErrors?: Record<string, string[]> } {
  if (isAppError(error)) return { ok: false, error: error.message, fieldErrors: error.fieldErrors };
  if (error instanceof z.ZodError) {
    return { ok: false, error: "Some fields need attention.", fieldErrors: fieldErrorsOf(error) };
  }
  const errorId = randomUUID();
  logger.error({ err: error, errorId }, "server action failed");
  return { ok: false, error: `Something went wrong on our side (error ${errorId.slice(0, 8)}). Please try again.` };
}
