"use server";

import { signOut } from "@/lib/auth";

// next-auth's signOut event ends the server-side session (lib/auth/index.ts), so the old cookie stops working.
export async function signOutAction() {
  await signOut({ redirectTo: "/login" });
}
