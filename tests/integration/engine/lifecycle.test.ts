import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import type { Database } from "@/db/client";
import { acceptApplication } from "@/lib/services/applications/accept-application";
import { approveApplication } from "@/lib/services/applications/approve-application";
import { countersignApplication } from "@/lib/services/applications/countersign-application";
import { concludeNotice } from "@/lib/services/applications/conclude-notice";
import { forwardApplication } from "@/lib/services/applications/forward-application";
import { publishNotice } from "@/lib/services/applications/publish-notice";
import { verifyAuditChain } from "@/lib/server/audit/verify-audit-chain";
import { employer, reviewer } from "../support/actors";
import { testDb } from "../support/db";
import { filedInitialApplication, freshApplicant, listInNoticeEndingToday } from "./fixtures";

const SH_EMPLOYER = "91310000MA1FL0001R";
let db: Database;
beforeAll(() => {
  db = testDb();
});

async function events(applicationId: string) {
  return db
    .select()
    .from(s.applicationEvents)
    .where(eq(s.applicationEvents.applicationId, applicationId))
    .orderBy(s.applicationEvents.seq);
}

describe("初始注册 through the one state machine, on PostgreSQL", () => {
  const title1 =
    "R1 T1: 二级造价工程师 上海 — file, countersign, accept, approve → a registration number and a complete " +
    "timeline";
  it(title1, async () => {
    const who = await freshApplicant(db, {
      programCode: "cost2-sh",
      specialty: "4",
      employerUscc: SH_EMPLOYER,
      provinceCode: "31",
    });
    const filed = await filedInitialApplication(db, who, "cost2-sh", "4");

    const emp = await employer(db, SH_EMPLOYER);
    const countersigned = await countersignApplication(db, emp, {
      applicationId: filed.applicationId,
      version: filed.version,
      opinionTicked: true,
    });
    expect(countersigned.application.status).toBe("pending_acceptance");
    const [sh] = await db.select().from(s.authorities).where(eq(s.authorities.code, "sh"));
    expect(countersigned.application.authorityId).toBe(sh!.id);
    expect(countersigned.application.acceptanceNo).toMatch(/^W\d{6}\d{3}\d{4}$/); // R2

    const rev = await reviewer(db, "sh_reviewer");
    const accepted = await acceptApplication(db, rev, {
      applicationId: filed.applicationId,
      version: countersigned.application.version,
      opinion: "材料齐全，予以受理",
    });
    const approved = await approveApplication(db, rev, {
      applicationId: filed.applicationId,
      version: accepted.application.version,
      opinion: "符合注册条件",
    });
    expect(approved.application.status).toBe("approved");
    expect(approved.application.decidedAt).not.toBeNull();

    const [reg] = await db
      .select()
      .from(s.registrations)
      .where(eq(s.registrations.sourceApplicationId, filed.applicationId));
    expect(reg!.registrationNo).toMatch(/^建\[造\][12][1-4]\d{12}$/);
    expect(reg!.registrationNo.slice(0, 12)).toBe(`建[造]24${new Date().getFullYear() % 100}3101`);
    expect(reg!.status).toBe("active");
    expect(reg!.employerName).toBe("上海建科造价咨询有限公司");
    expect(approved.summary).toContain(reg!.registrationNo);

    const timeline = await events(filed.applicationId);
    expect(timeline.map((e) => e.action)).toEqual(["create", "save", "sign", "countersign", "accept", "approve"]);
    expect(timeline.map((e) => e.toStatus)).toEqual([
      "draft",
      "draft",
      "signed",
      "pending_acceptance",
      "under_review",
      "approved",
    ]);
    expect(timeline[4]!.opinion).toBe("材料齐全，予以受理");
    expect(await verifyAuditChain(db, filed.applicationId)).toEqual({ ok: true, events: 6 });

    const messages = await db.select().from(s.messages).where(eq(s.messages.applicationId, filed.applicationId));
    expect(messages.some((m) => m.title.includes("准予注册"))).toBe(true); // T2
  });

  it("R1: two approvals never share a registration number (serials come from one counter row)", async () => {
    const numbers: string[] = [];
    for (let i = 0; i < 2; i++) {
      const who = await freshApplicant(db, {
        programCode: "cost2-sh",
        specialty: "1",
        employerUscc: SH_EMPLOYER,
        provinceCode: "31",
      });
      const filed = await filedInitialApplication(db, who, "cost2-sh", "1");
      const c = await countersignApplication(db, await employer(db, SH_EMPLOYER), {
        applicationId: filed.applicationId,
        version: filed.version,
        opinionTicked: true,
      });
      const rev = await reviewer(db, "sh_reviewer2");
      const a = await acceptApplication(db, rev, {
        applicationId: filed.applicationId,
        version: c.application.version,
      });
      await approveApplication(db, rev, { applicationId: filed.applicationId, version: a.application.version });
      const [reg] = await db
        .select()
        .from(s.registrations)
        .where(eq(s.registrations.sourceApplicationId, filed.applicationId));
      numbers.push(reg!.registrationNo);
    }
    expect(new Set(numbers).size).toBe(2);
    expect(Number(numbers[1]!.slice(-6))).toBe(Number(numbers[0]!.slice(-6)) + 1);
  });

  const title2 =
    "W6: 一级造价工程师 goes through two authority levels: 上海初审 forwards, 住建部 publishes the notice, then " +
    "concludes";
  it(title2, async () => {
    const who = await freshApplicant(db, {
      programCode: "cost1",
      specialty: "1",
      employerUscc: SH_EMPLOYER,
      provinceCode: "31",
    });
    const filed = await filedInitialApplication(db, who, "cost1", "1");
    const c = await countersignApplication(db, await employer(db, SH_EMPLOYER), {
      applicationId: filed.applicationId,
      version: filed.version,
      opinionTicked: true,
    });
    const sh = await reviewer(db, "sh_reviewer");
    const a1 = await acceptApplication(db, sh, {
      applicationId: filed.applicationId,
      version: c.application.version,
    });
    const f = await forwardApplication(db, sh, {
      applicationId: filed.applicationId,
      version: a1.application.version,
      opinion: "初审通过",
    });
    expect(f.application.status).toBe("pending_acceptance");
    expect(f.application.currentLevel).toBe(2);
    const [mohurd] = await db.select().from(s.authorities).where(eq(s.authorities.code, "mohurd"));
    expect(f.application.authorityId).toBe(mohurd!.id);

    // The provincial reviewer has no say any more; the ministry does.
    await expect(
      approveApplication(db, sh, { applicationId: filed.applicationId, version: f.application.version }),
    ).rejects.toMatchObject({ kind: "not_found" });
    const m = await reviewer(db, "mohurd_reviewer");
    const a2 = await acceptApplication(db, m, { applicationId: filed.applicationId, version: f.application.version });
    // The program publishes decisions (公示) before they take effect; a direct approval is refused.
    await expect(
      approveApplication(db, m, { applicationId: filed.applicationId, version: a2.application.version }),
    ).rejects.toMatchObject({ kind: "refused" });
    const p = await publishNotice(db, m, {
      applicationId: filed.applicationId,
      version: a2.application.version,
      outcome: "pass",
    });
    expect(p.application.status).toBe("publicized");
    const { afterNotice } = await listInNoticeEndingToday(db, m, filed.applicationId);
    const done = await concludeNotice(
      db,
      m,
      { applicationId: filed.applicationId, version: p.application.version, opinion: "公示期满无异议" },
      afterNotice,
    );
    expect(done.application.status).toBe("approved");
    const [reg] = await db
      .select()
      .from(s.registrations)
      .where(eq(s.registrations.sourceApplicationId, filed.applicationId));
    expect(reg!.registrationNo).toMatch(/^建\[造\]11\d{2}31/);
    expect(reg!.issuingAuthorityId).toBe(mohurd!.id);
  });
});
