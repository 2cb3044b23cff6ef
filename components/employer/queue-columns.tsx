import type { Column } from "@/components/ui/Table";
import { orDash } from "@/components/ui/format";

type QueueRow = { categoryLabel: string; acceptanceNo: string | null; personName: string };

/** The columns 待企业确认 and 企业已确认查询 open with, so that both lists read the same way. */
export function employerQueueLeadColumns<R extends QueueRow>(): Column<R>[] {
  return [
    { header: "注册类别", cell: (r) => r.categoryLabel, className: "category" },
    { header: "受理编号", cell: (r) => orDash(r.acceptanceNo), className: "nowrap" },
    { header: "姓名", cell: (r) => r.personName, className: "nowrap" },
  ];
}
