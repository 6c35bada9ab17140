"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import type { ActionResult } from "@/lib/server/actions/result";

/**
 * A react-hook-form form validated by the same zod schema the server uses, submitted to a server action.
 * Field errors from the server land on their fields; any other refusal is shown as the form's message.
 */
export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, T>(
  schema: S,
  action: (input: unknown) => Promise<ActionResult<T>>,
  options: { defaultValues: DefaultValues<z.input<S>>; extra?: Record<string, unknown>; onDone?: (data: T) => void },
) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>,
    defaultValues: options.defaultValues,
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    setMessage(null);
    const result = await action({ ...values, ...options.extra });
    if (!result.ok) {
      for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
        if (field !== "handoffId" && messages[0]) form.setError(field as Path<z.input<S>>, { message: messages[0] });
      }
      setFormError(result.error);
      return;
    }
    setMessage(result.message ?? "Saved.");
    options.onDone?.(result.data);
    router.refresh();
  });

  return { form, onSubmit, formError, message };
}
