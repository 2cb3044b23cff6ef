import Link from "next/link";
import { APPLICATION_TYPE_LABELS } from "@/lib/domain/application-types";
import { APPLICATION_TYPES } from "@/lib/domain/types";

export type EmployerSearch = {
  name?: string;
  idNumber?: string;
  type?: string;
  from?: string;
  to?: string;
  cursor?: string;
  done?: string;
  no?: string;
};

/** M1 filters: 姓名, 证件号, 注册类别, 个人签名时间 range (GET, so the list can be bookmarked and paged). */
export function EmployerFilters({ path, q }: { path: string; q: EmployerSearch }) {
  return (
    <form method="get" action={path} className="toolbar filters" role="search" aria-label="查询条件">
      <label className="toolfield">
        <span>姓名</span>
        <input className="input" name="name" defaultValue={q.name ?? ""} maxLength={40} />
      </label>
      <label className="toolfield">
        <span>证件号</span>
        <input className="input wide" name="idNumber" defaultValue={q.idNumber ?? ""} maxLength={32} />
      </label>
      <label className="toolfield">
        <span>注册类别</span>
        <select className="select" name="type" defaultValue={q.type ?? ""}>
          <option value="">全部</option>
          {APPLICATION_TYPES.map((t) => (
            <option key={t} value={t}>
              {APPLICATION_TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      </label>
      <label className="toolfield">
        <span>个人签名时间 从</span>
        <input className="input" type="date" name="from" defaultValue={q.from ?? ""} />
      </label>
      <label className="toolfield">
        <span>至</span>
        <input className="input" type="date" name="to" defaultValue={q.to ?? ""} />
      </label>
      <button type="submit" className="btn">
        查询
      </button>
      <Link href={path} className="btn btn-secondary">
        重置
      </Link>
    </form>
  );
}
