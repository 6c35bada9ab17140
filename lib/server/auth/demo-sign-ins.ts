import "server-only";
import { prisma } from "@/lib/db";
import { ROLE_LABELS } from "@/lib/auth/roles";

const DEMO_EMAILS = ["admin@baton.test", "leader@baton.test", "manager@baton.test", "csm@baton.test", "ae@baton.test"];

/** The demo sign-ins, listed on the login page only while the demo data is loaded. */
export async function listDemoSignIns(): Promise<{ email: string; name: string; role: string }[]> {
  const users = await prisma.user.findMany({
    where: { email: { in: DEMO_EMAILS }, active: true },
    select: { email: true, name: true, role: true },
  });
  return DEMO_EMAILS.flatMap((email) => {
    const user = users.find((candidate) => candidate.email === email);
    return user ? [{ email: user.email, name: user.name, role: ROLE_LABELS[user.role] }] : [];
  });
}
