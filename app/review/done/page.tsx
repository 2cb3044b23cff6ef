import { ReviewQueue } from "@/components/review/ReviewQueue";
import { getDb } from "@/db/client";
import { reviewQueueScreen, type ReviewSearch } from "@/lib/queries/review-queues";
import { requireRole } from "@/lib/server/auth";

export const metadata = { title: "已办结 - 审批管理系统" };

export default async function ReviewDonePage({
  searchParams,
}: {
  searchParams: Promise<ReviewSearch & { forwarded?: string }>;
}) {
  const user = await requireRole("reviewer");
  const screen = await reviewQueueScreen(getDb(), user.authorityId!, "done", await searchParams);
  return <ReviewQueue tab="done" screen={screen} />;
}
