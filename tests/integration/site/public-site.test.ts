import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import {
  announcementDetail,
  announcementPage,
  publicAttachment,
  publicAttachmentFile,
} from "@/lib/queries/public-announcements";
import { authorityContacts, faqByCategory } from "@/lib/queries/public-info";
import { publicityDetail, publicityPage } from "@/lib/queries/public-publicity";
import { acceptApplication } from "@/lib/services/applications/accept-application";
import { countersignApplication } from "@/lib/services/applications/countersign-application";
import { forwardApplication } from "@/lib/services/applications/forward-application";
import { publishNotice } from "@/lib/services/applications/publish-notice";
import { publishNoticeBatch } from "@/lib/services/notices/publish-notice-batch";
import { deleteFaqEntry } from "@/lib/services/site/delete-faq-entry";
import { editAnnouncement } from "@/lib/services/site/edit-announcement";
import { publishAnnouncement } from "@/lib/services/site/publish-announcement";
import { saveFaqEntry } from "@/lib/services/site/save-faq-entry";
import { withdrawAnnouncement } from "@/lib/services/site/withdraw-announcement";
import { actorOf, employer, reviewer } from "../support/actors";
import { testDb } from "../support/db";
import { filedInitialApplication, freshApplicant } from "../engine/fixtures";

let db: Database;
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

beforeAll(() => {
  db = testDb();
});

describe("通知公告", () => {
  const title1 =
    "an administrator publishes a notice with an attachment; the public reads it and downloads the file until it " +
    "is withdrawn";
  it(title1, async () => {
    const admin = await actorOf(db, "admin", "admin");
    const { id } = await publishAnnouncement(db, admin, {
      title: "关于系统维护的通知",
      body: "本周六停机维护。",
      attachments: [{ fileName: "维护安排.pdf", bytes: PDF }],
    });
    const shown = await announcementDetail(db, id, true);
    expect(shown?.title).toBe("关于系统维护的通知");
    expect(shown?.attachments.map((a) => a.name)).toEqual(["维护安排.pdf"]);
    const file = (await publicAttachmentFile(db, id, shown!.attachments[0]!.fileId))!;
    expect(Buffer.from(file.bytes).equals(Buffer.from(PDF))).toBe(true);
    expect(file.mimeType).toBe("application/pdf");

    await editAnnouncement(db, admin, {
      id,
      version: shown!.version,
      title: "关于系统维护时间调整的通知",
      body: "改为周日停机。",
      addAttachments: [],
      removeFileIds: [],
    });
    expect((await announcementDetail(db, id, true))?.body).toBe("改为周日停机。");
    // A save made on the old version is refused instead of overwriting the newer text.
    await expect(
      editAnnouncement(db, admin, {
        id,
        version: shown!.version,
        title: "旧",
        body: "旧",
        addAttachments: [],
        removeFileIds: [],
      }),
    ).rejects.toMatchObject({ kind: "conflict" });

    const current = await announcementDetail(db, id, false);
    await withdrawAnnouncement(db, admin, { id, version: current!.version });
    expect(await announcementDetail(db, id, true)).toBeNull();
    expect(await publicAttachment(db, id, shown!.attachments[0]!.fileId)).toBeNull();
    expect((await announcementPage(db, { page: 1, pageSize: 50 })).rows.map((r) => r.id)).not.toContain(id);
    expect(
      (await announcementPage(db, { page: 1, pageSize: 50, includeWithdrawn: true })).rows.map((r) => r.id),
    ).toContain(id);

    const audit = await db.select().from(s.securityEvents).where(eq(s.securityEvents.kind, "site_content_changed"));
    expect(audit.filter((e) => e.detail.id === id).map((e) => e.detail.action)).toEqual(["发布", "修改", "撤回"]);
  });

  it("refuses a renamed file, an empty title and anyone but an administrator, in plain Chinese", async () => {
    const admin = await actorOf(db, "admin", "admin");
    const err = await publishAnnouncement(db, admin, {
      title: "",
      body: "正文",
      attachments: [{ fileName: "a.pdf", bytes: new TextEncoder().encode("MZ not a pdf") }],
    }).catch((e) => e);
    expect(err.kind).toBe("invalid");
    expect(err.fieldErrors.title).toBe("请填写公告标题");
    expect(err.fieldErrors.attachments).toContain("不是PDF、Word、Excel、JPG、PNG文件");
    const sh = await reviewer(db, "sh_reviewer");
    await expect(publishAnnouncement(db, sh, { title: "x", body: "y", attachments: [] })).rejects.toMatchObject({
      kind: "not_found",
    });
  });
});

describe("常见问题", () => {
  it("an administrator adds, edits and deletes a question; the public list follows", async () => {
    const admin = await actorOf(db, "admin", "admin");
    const { id } = await saveFaqEntry(db, admin, {
      category: "测试分类",
      question: "如何测试？",
      answer: "运行测试。",
      position: 1,
    });
    const [row] = await db.select().from(s.faqEntries).where(eq(s.faqEntries.id, id));
    await saveFaqEntry(db, admin, {
      id,
      version: row!.version,
      category: "测试分类",
      question: "如何运行测试？",
      answer: "npm test。",
      position: 1,
    });
    const group = (await faqByCategory(db)).find((g) => g.category === "测试分类");
    expect(group?.entries.map((e) => e.question)).toEqual(["如何运行测试？"]);
    await expect(
      saveFaqEntry(db, admin, { category: "", question: "q", answer: "a", position: "x" }),
    ).rejects.toMatchObject({ kind: "invalid" });
    await deleteFaqEntry(db, admin, { id });
    expect((await faqByCategory(db)).find((g) => g.category === "测试分类")).toBeUndefined();
  });
});

describe("联系方式", () => {
  it("lists every authority's phone, hours and address from reference data", async () => {
    const list = await authorityContacts(db);
    const sh = list.find((a) => a.name === "上海市住房和城乡建设管理委员会");
    expect(sh?.phone).toBe("021-962600");
    expect(list[0]!.level).toBe("ministry");
  });
});

describe("公示公告 on the public site (W6)", () => {
  it("W6: a published batch is listed, searchable by 受理编号 and shows names and ID numbers masked", async () => {
    const SH = "91310000MA1FL0001R";
    const who = await freshApplicant(db, {
      programCode: "cost1",
      specialty: "1",
      employerUscc: SH,
      provinceCode: "31",
    });
    const f = await filedInitialApplication(db, who, "cost1", "1");
    let v = (
      await countersignApplication(db, await employer(db, SH), {
        applicationId: f.applicationId,
        version: f.version,
        opinionTicked: true,
      })
    ).application.version;
    const sh = await reviewer(db, "sh_reviewer");
    v = (await acceptApplication(db, sh, { applicationId: f.applicationId, version: v })).application.version;
    v = (await forwardApplication(db, sh, { applicationId: f.applicationId, version: v })).application.version;
    const mo = await reviewer(db, "mohurd_reviewer");
    v = (await acceptApplication(db, mo, { applicationId: f.applicationId, version: v })).application.version;
    await publishNotice(db, mo, { applicationId: f.applicationId, version: v, outcome: "pass" });
    const { notice } = await publishNoticeBatch(db, mo, {
      title: "关于公示测试批次的公示",
      endsOn: "2099-12-31",
      applicationIds: [f.applicationId],
    });

    const [app] = await db.select().from(s.applications).where(eq(s.applications.id, f.applicationId));
    const [person] = await db.select().from(s.people).where(eq(s.people.id, app!.personId));
    const found = await publicityPage(db, { q: app!.acceptanceNo!, page: 1, pageSize: 10 });
    expect(found.rows.map((r) => r.id)).toEqual([notice.id]);
    expect(found.rows[0]!.authorityName).toBe("住房和城乡建设部");

    const detail = await publicityDetail(db, notice.id);
    const item = detail!.items[0]!;
    expect(item.acceptanceNo).toBe(app!.acceptanceNo);
    expect(item.outcome).toBe("合格");
    expect(item.name).not.toBe(person!.name);
    expect(item.name.startsWith([...person!.name][0]!)).toBe(true);
    expect(item.name).toContain("*");
    expect(item.idNumber).toMatch(/^\d{4}\*+\w{4}$/);
    expect(JSON.stringify(detail)).not.toContain(person!.idNumber);
  });
});
