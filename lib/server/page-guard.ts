import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { getActingUser, type ActingUser } from "@/lib/server/session";

/** The signed-in user of a page; the proxy already sent signed-out visitors to /login. */
export async function pageUser(): Promise<ActingUser> {
  const user = await getActingUser();
  if (!user) redirect("/login");
  return user;
}

/**
 * Runs a page's data function and turns its authorization and lookup errors into Next's 403 / 404 pages,
 * so the data function stays the one place that decides.
 */
export async function loadPage<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isAppError(error)) {
      if (error.code === "FORBIDDEN") forbidden();
      if (error.code === "NOT_FOUND") notFound();
      if (error.code === "UNAUTHENTICATED") redirect("/login");
    }
    throw error;
  }
}
