"use server";

import { signOut } from "@/lib/server/auth/next-auth";

// next-auth's signOut event ends the server-side session (lib/auth/index.ts), so the old cookie stops working.
export async function signOutAction() {
  await signOut({ redirectTo: "/login" });
}
