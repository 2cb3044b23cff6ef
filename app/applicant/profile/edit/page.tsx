import { eq } from "drizzle-orm";
import { notFound } from "next/navigation";
import { PageHead } from "@/components/shell/AppShell";
import { getDb } from "@/db/client";
import { people } from "@/db/schema";
import { ID_DOCUMENT_TYPE_LABELS } from "@/lib/domain/types";
import { requireRole } from "@/lib/server/auth";
import { saveContactDetails } from "./actions";
import { ProfileEditForm } from "./ProfileEditForm";

export const metadata = { title: "基本信息修改 - 个人申报系统" };

export default async function ProfileEditPage() {
  const user = await requireRole("applicant");
  const [p] = await getDb().select().from(people).where(eq(people.id, user.personId!));
  if (!p) notFound();
  return (
    <>
      <PageHead title="基本信息修改" crumb="信息查询 / 基本信息修改" />
      <section className="card narrow">
        <h2>
          {p.name}（{ID_DOCUMENT_TYPE_LABELS[p.idType]} {p.idNumber}）
        </h2>
        <ProfileEditForm defaults={{ phone: p.phone, address: p.address ?? "" }} action={saveContactDetails} />
        <p className="help" style={{ marginTop: 14 }}>
          此处可直接修改手机号码、通讯地址。姓名、证件号码、聘用单位等其他信息如需修改，请办理信息变更或变更注册业务。
        </p>
      </section>
    </>
  );
}
