import Link from "next/link";

// Rendered inside the app layout's <main> (unknown paths reach it through app/(app)/[...missing]), so no <main> of its own.

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-slate-600">That record does not exist, or it is not yours to see.</p>
      <Link href="/" className="mt-6 inline-block text-brand-700 underline">
        Back to your home
      </Link>
    </div>
  );
}
