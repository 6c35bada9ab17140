import type { Metadata } from "next";
import Link from "next/link";
import { CsmProfileForm } from "@/components/admin/csm-profile-form";
import { getCsmProfileEditor } from "@/lib/server/csm-profiles/csm-profiles";
import { loadPage, pageUser } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Edit CSM profile" };

export default async function CsmProfilePage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const user = await pageUser();
  const editor = await loadPage(() => getCsmProfileEditor(user, userId));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/csm-profiles" className="text-brand-700 hover:underline">← CSM profiles</Link>
      </p>
      <h1 className="mb-1 text-2xl font-semibold">{editor.user.name}</h1>
      <p className="mb-4 text-sm text-slate-600">{editor.user.email}{editor.exists ? "" : " · no profile yet: saving creates it"}</p>
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <CsmProfileForm userId={editor.user.id} profile={{ ...editor.profile, maxArrCents: String(editor.profile.maxArrCents) }} products={editor.products} />
      </div>
    </>
  );
}
