import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import type { Database } from "@/db/client";
import { acceptApplication } from "@/lib/services/applications/accept-application";
import { approveApplication } from "@/lib/services/applications/approve-application";
import { countersignApplication } from "@/lib/services/applications/countersign-application";
import { createApplication } from "@/lib/services/applications/create-application";
import { saveApplication } from "@/lib/services/applications/save-application";
import { signApplication } from "@/lib/services/applications/sign-application";
import { withdrawApplication } from "@/lib/services/applications/withdraw-application";
import { ServiceError } from "@/lib/services/errors";
import { employer, reviewer } from "../support/actors";
import { testDb } from "../support/db";
import { COMMITMENT, filedInitialApplication, freshApplicant, initialForm } from "./fixtures";

const SH_EMPLOYER = "91310000MA1FL0001R";
let db: Database;
beforeAll(() => {
  process.env.DB_POOL_MAX = "60"; // let all 50 approvals reach PostgreSQL at once
  db = testDb();
});

async function pendingAtShanghai() {
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
  return { who, applicationId: filed.applicationId, version: c.application.version };
}

describe("race safety on PostgreSQL", () => {
  const title1 =
    "50 concurrent approvals of one application: exactly one succeeds, the rest get a clear conflict, one event is " +
    "written";
  it(title1, async () => {
    const { applicationId, version } = await pendingAtShanghai();
    const r1 = await reviewer(db, "sh_reviewer");
    const r2 = await reviewer(db, "sh_reviewer2");
    const accepted = await acceptApplication(db, r1, { applicationId, version });

    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        approveApplication(db, i % 2 ? r2 : r1, { applicationId, version: accepted.application.version }),
      ),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(49);
    for (const f of failed) {
      expect(f.reason).toBeInstanceOf(ServiceError);
      expect((f.reason as ServiceError).kind).toBe("conflict");
      expect((f.reason as ServiceError).message).toMatch(/已被他人处理.*请刷新页面/);
    }
    const approvals = await db
      .select()
      .from(s.applicationEvents)
      .where(and(eq(s.applicationEvents.applicationId, applicationId), eq(s.applicationEvents.action, "approve")));
    expect(approvals).toHaveLength(1);
    const regs = await db.select().from(s.registrations).where(eq(s.registrations.sourceApplicationId, applicationId));
    expect(regs).toHaveLength(1);
  });

  const staleTitle =
    "a reviewer approving a version another reviewer already approved is told it changed; another authority gets 404";
  it(staleTitle, async () => {
    // The loser of the race above reads the row after the winner committed: their level has ended (准予注册), yet the
    // application stays listed under their authority's 已办结, so they are told to refresh, never that it is gone.
    const { applicationId, version } = await pendingAtShanghai();
    const r1 = await reviewer(db, "sh_reviewer");
    const accepted = await acceptApplication(db, r1, { applicationId, version });
    const stale = { applicationId, version: accepted.application.version };
    await approveApplication(db, await reviewer(db, "sh_reviewer2"), stale);

    const late = await approveApplication(db, r1, stale).catch((e: unknown) => e);
    expect(late).toBeInstanceOf(ServiceError);
    expect((late as ServiceError).kind).toBe("conflict");
    expect((late as ServiceError).message).toMatch(/已被他人处理.*请刷新页面/);
    const elsewhere = await approveApplication(db, await reviewer(db, "zj_reviewer"), stale).catch((e: unknown) => e);
    expect((elsewhere as ServiceError).kind).toBe("not_found");
  });

  it("W1: withdrawal racing acceptance — exactly one wins and the state matches the single event written", async () => {
    for (let round = 0; round < 5; round++) {
      const { who, applicationId, version } = await pendingAtShanghai();
      const rev = await reviewer(db, "sh_reviewer");
      const [w, a] = await Promise.allSettled([
        withdrawApplication(db, who, { applicationId, version }),
        acceptApplication(db, rev, { applicationId, version }),
      ]);
      expect([w.status, a.status].filter((x) => x === "fulfilled")).toHaveLength(1);
      const [app] = await db.select().from(s.applications).where(eq(s.applications.id, applicationId));
      const evs = await db
        .select()
        .from(s.applicationEvents)
        .where(eq(s.applicationEvents.applicationId, applicationId))
        .orderBy(s.applicationEvents.seq);
      const last = evs.at(-1)!;
      expect(app!.status).toBe(w.status === "fulfilled" ? "withdrawn" : "under_review");
      expect(last.toStatus).toBe(app!.status);
      expect(evs.filter((e) => e.action === "withdraw" || e.action === "accept")).toHaveLength(1);
      if (w.status === "fulfilled") expect(app!.authorityId).toBeNull(); // W1: the authority no longer sees it
    }
  });

  const title2 =
    "G2: two drafts in one program signed at the same moment — the database lets only one go under " + "approval";
  it(title2, async () => {
    const who = await freshApplicant(db, {
      programCode: "cost2-sh",
      specialty: "1",
      employerUscc: SH_EMPLOYER,
      provinceCode: "31",
    });
    await db.insert(s.qualifications).values({
      personId: who.personId!,
      programCode: "cost2-sh",
      specialtyCode: "4",
      managementNo: `G2-${Date.now()}`,
      approvalDate: "2025-09-30",
    });
    const { givePhotoAndSignature } = await import("./fixtures");
    await givePhotoAndSignature(db, who.personId!);
    const drafts = [];
    for (const sp of ["1", "4"]) {
      const { applicationId } = await createApplication(db, who, {
        programCode: "cost2-sh",
        type: "initial",
        specialtyCode: sp,
      });
      const scans: Record<string, string> = {};
      for (const code of ["application_form", "qualification_certificate", "labour_contract", "id_document"]) {
        const [f] = await db
          .insert(s.files)
          .values({
            kind: "scan",
            ownerPersonId: who.personId!,
            mimeType: "image/jpeg",
            byteSize: 1,
            sha256: "0".repeat(64),
            storageKey: `g2/${applicationId}/${code}`,
          })
          .returning({ id: s.files.id });
        scans[code] = f!.id;
      }
      const saved = await saveApplication(db, who, {
        applicationId,
        version: 0,
        formData: initialForm(sp),
        attachments: scans,
      });
      drafts.push({ applicationId, version: saved.application.version });
    }
    const results = await Promise.allSettled(
      drafts.map((d) => signApplication(db, who, { ...d, commitment: COMMITMENT })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refusal = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!.reason as ServiceError;
    expect(refusal.kind).toBe("refused");
    expect(refusal.message).toMatch(/办结或撤回后才能申报新的申请/);
  });
});
