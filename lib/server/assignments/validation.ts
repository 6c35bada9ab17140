import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/server/actions/result";

/** A failed decision schema as an AppError that names each field, for tests, actions and scripts alike. */
export function validationError(error: z.ZodError): AppError {
  const fieldErrors = fieldErrorsOf(error);
  return new AppError("VALIDATION", Object.values(fieldErrors).flat().join(" "), fieldErrors);
}
