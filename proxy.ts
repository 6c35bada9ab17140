import NextAuth from "next-auth";
import { authConfig } from "@/lib/auth/config";

// Sends signed-out visitors to the login page and back (lib/auth/config.ts `authorized`).
const { auth } = NextAuth(authConfig);
export const proxy = auth;

export const config = {
  // Icons and the web app manifest are public: browsers fetch them without the session.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|manifest.webmanifest|.*\\.(?:svg|png|ico)$).*)"],
};
