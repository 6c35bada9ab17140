import { z } from "zod";

export const signInSchema = z.object({
  email: z.email("Enter your work e-mail address").transform((value) => value.trim().toLowerCase()),
  password: z.string().min(1, "Enter your password"),
});

/** Only same-origin paths are accepted as the place to go back to after signing in. */
export const callbackPathSchema = z
  .string()
  .regex(/^\/(?!\/)[^\s\\]*$/)
  .catch("/");
