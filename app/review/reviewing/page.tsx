import { ReviewQueue } from "@/components/review/ReviewQueue";
import { getDb } from "@/db/client";
import { reviewQueueScreen, type ReviewSearch } from "@/lib/queries/review-queues";
import { requireRole } from "@/lib/server/auth";

export const metadata = { title: "审查中 - 审批管理系统" };

export default async function ReviewReviewingPage({
  searchParams,
}: {
  searchParams: Promise<ReviewSearch & { forwarded?: string }>;
}) {
  const user = await requireRole("reviewer");
  const screen = await reviewQueueScreen(getDb(), user.authorityId!, "reviewing", await searchParams);
  return <ReviewQueue tab="reviewing" screen={screen} />;
}
