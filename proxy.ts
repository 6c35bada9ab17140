import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/config";

// Sends signed-out visitors to the login page and back (lib/auth/config.ts `authorized`).
const { auth } = NextAuth(authConfig);
export const proxy = auth;

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|ico)$).*)"],
};
