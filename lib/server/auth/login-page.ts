import "server-only";
import type { ActingUser } from "@/lib/server/authz";
import { listDemoSignIns } from "@/lib/server/auth/demo-sign-ins";
import { getActingUser } from "@/lib/server/session";
import { isDatabaseUnreachable, logDatabaseUnreachable } from "@/lib/server/database-health";

export interface LoginPageData {
  user: ActingUser | null;
  demo: Awaited<ReturnType<typeof listDemoSignIns>>;
  databaseReachable: boolean;
}

/** What the login page needs; with the database down it says so (and logs one line) instead of failing. */
export async function getLoginPageData(): Promise<LoginPageData> {
  try {
    const user = await getActingUser();
    return { user, demo: user ? [] : await listDemoSignIns(), databaseReachable: true };
  } catch (error) {
    if (!isDatabaseUnreachable(error)) throw error;
    logDatabaseUnreachable("login page", error);
    return { user: null, demo: [], databaseReachable: false };
  }
}
