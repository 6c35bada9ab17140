import type { Metadata } from "next";
import Link from "next/link";
import { ReviewView } from "@/components/assignments/review-view";
import { getAssignmentReview } from "@/lib/server/assignments/get-assignment-review";
import { loadPage, pageUser } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Review CSM assignment" };

export default async function AssignmentReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await pageUser();
  const review = await loadPage(() => getAssignmentReview(user, id));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/assignments" className="text-brand-700 hover:underline">← Back to the queue</Link>
      </p>
      <h1 className="mb-4 text-2xl font-semibold">CSM for {review.account.name}</h1>
      <ReviewView review={review} />
    </>
  );
}
