import { ReviewQueue } from "@/components/review/ReviewQueue";
import type { ReviewSearch } from "@/lib/queries/review-queues";
import { requireRole } from "@/lib/server/auth";

export const metadata = { title: "已办结 - 审批管理系统" };

export default async function ReviewDonePage({ searchParams }: { searchParams: Promise<ReviewSearch & { forwarded?: string }> }) {
  const user = await requireRole("reviewer");
  return <ReviewQueue user={user} tab="done" q={await searchParams} />;
}
