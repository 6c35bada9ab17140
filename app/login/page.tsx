import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { z } from "zod";
import { LoginForm } from "@/app/login/login-form";
import { callbackPathSchema } from "@/lib/auth/schemas";
import { getLoginPageData } from "@/lib/server/auth/login-page";
import { DATABASE_UNREACHABLE_MESSAGE } from "@/lib/server/database-health";
import { ssoLabel } from "@/lib/server/auth/sso";
import { signInWithSsoAction } from "@/app/login/sso-actions";

export const metadata: Metadata = { title: "Sign in" };

const searchSchema = z.object({ callbackUrl: callbackPathSchema.optional(), error: z.string().max(40).optional() });

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, unknown>> }) {
  const { callbackUrl = "/", error } = searchSchema.catch({}).parse(await searchParams);
  const { user, demo, databaseReachable } = await getLoginPageData();
  if (user) redirect(callbackUrl);
  const sso = ssoLabel();

  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md space-y-6">
        <div className="text-center">
          <p className="text-3xl font-bold tracking-tight text-brand-900">Baton</p>
          <h1 className="mt-2 text-lg text-slate-600">Sign in to carry every customer from close to renewal</h1>
        </div>
        {databaseReachable ? null : (
          <section role="alert" aria-labelledby="database-down" className="rounded-xl border border-red-300 bg-red-50 p-4 text-sm text-red-900">
            <h2 id="database-down" className="font-semibold">Baton cannot reach its database</h2>
            <p className="mt-1">{DATABASE_UNREACHABLE_MESSAGE} Signing in will work again as soon as it answers.</p>
          </section>
        )}
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <LoginForm callbackUrl={callbackUrl} />
          {sso ? (
            <form action={signInWithSsoAction} className="mt-4 border-t border-slate-100 pt-4">
              <input type="hidden" name="callbackUrl" value={callbackUrl} />
              <button type="submit" className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50">
                {sso}
              </button>
            </form>
          ) : null}
          {error === "sso" ? (
            <p role="alert" className="mt-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
              Your single sign-on account does not match an active Baton user. Ask an admin to invite you with the same e-mail address.
            </p>
          ) : null}
        </div>
        {demo.length > 0 ? (
          <section aria-labelledby="demo-heading" className="rounded-xl border border-dashed border-slate-300 bg-white p-4 text-sm">
            <h2 id="demo-heading" className="font-semibold text-slate-700">
              Demo sign-ins (password <code className="rounded bg-slate-100 px-1">baton-demo</code>)
            </h2>
            <ul className="mt-2 space-y-1">
              {demo.map((user) => (
                <li key={user.email} className="flex justify-between gap-2">
                  <code>{user.email}</code>
                  <span className="text-slate-500">{user.role}</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </main>
  );
}
