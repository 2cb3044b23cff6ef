import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import type { Database } from "@/db/client";
import { cost2Shanghai } from "@/lib/domain/programs";
import { SOD_ACCEPTED_HERE, SOD_INVOLVED } from "@/lib/domain/segregation-of-duties";
import type { Actor } from "@/lib/services/actor";
import { createReviewerAccount } from "@/lib/services/admin/create-reviewer-account";
import { linkAccountToPerson } from "@/lib/services/admin/link-account-person";
import { acceptApplication } from "@/lib/services/applications/accept-application";
import { approveApplication } from "@/lib/services/applications/approve-application";
import { countersignApplication } from "@/lib/services/applications/countersign-application";
import { actorOf, employer } from "../support/actors";
import { testDb } from "../support/db";
import { filedInitialApplication, freshApplicant } from "../engine/fixtures";

/** Issue 9 item 9: segregation of duties is real (ASVS V4.1.x access control, V11.1.x business logic). */
const SH_EMPLOYER = "91310000MA1FL0001R";
let db: Database;
let admin: Actor;
let sh: string;
beforeAll(async () => {
  db = testDb();
  admin = await actorOf(db, "admin", "admin");
  [{ id: sh }] = (await db
    .select({ id: s.authorities.id })
    .from(s.authorities)
    .where(eq(s.authorities.code, "sh"))) as [{ id: string }];
});

/** A new 上海 reviewer account (its own, so linking it does not touch the demo reviewers other tests use). */
async function newReviewer(): Promise<Actor> {
  const username = `sod${randomBytes(4).toString("hex")}`;
  await createReviewerAccount(db, admin, {
    username,
    displayName: "回避测试",
    authorityId: sh,
    phone: null,
    personIdNumber: null,
  });
  return actorOf(db, "reviewer", username);
}

async function idNumberOf(personId: string) {
  const [p] = await db.select({ idNumber: s.people.idNumber }).from(s.people).where(eq(s.people.id, personId));
  return p!.idNumber;
}

async function countersigned() {
  const who = await freshApplicant(db, {
    programCode: "cost2-sh",
    specialty: "1",
    employerUscc: SH_EMPLOYER,
    provinceCode: "31",
  });
  const filed = await filedInitialApplication(db, who, "cost2-sh", "1");
  const sent = await countersignApplication(db, await employer(db, SH_EMPLOYER), {
    applicationId: filed.applicationId,
    version: filed.version,
    opinionTicked: true,
  });
  return { who, applicationId: filed.applicationId, version: sent.application.version };
}

describe("segregation of duties (V4.1.3)", () => {
  it("V4.1.3 a reviewer linked on 用户管理 to the applicant cannot accept the application; a colleague can", async () => {
    const app = await countersigned();
    const linked = await newReviewer();
    // The session's actor carries no person: the link made now applies to the next action all the same.
    expect(
      await linkAccountToPerson(db, admin, { accountId: linked.userId, idNumber: await idNumberOf(app.who.personId!) }),
    ).toMatchObject({ personName: expect.any(String) });
    await expect(
      acceptApplication(db, linked, { applicationId: app.applicationId, version: app.version }),
    ).rejects.toMatchObject({ kind: "refused", message: SOD_INVOLVED });
    const accepted = await acceptApplication(db, await newReviewer(), {
      applicationId: app.applicationId,
      version: app.version,
    });
    expect(accepted.application.status).toBe("under_review");
    // Unlinked again, the same reviewer may act.
    await linkAccountToPerson(db, admin, { accountId: linked.userId, idNumber: null });
    await expect(
      approveApplication(db, linked, { applicationId: app.applicationId, version: accepted.application.version }),
    ).resolves.toBeTruthy();
  }, 60_000);

  it("V4.1.3 M2: a reviewer who is the person behind the countersigning employer account cannot accept", async () => {
    const clerk = await freshApplicant(db, {
      programCode: "cost2-sh",
      specialty: "1",
      employerUscc: SH_EMPLOYER,
      provinceCode: "31",
    });
    const emp = await employer(db, SH_EMPLOYER);
    const app = await countersigned();
    const reviewer = await newReviewer();
    const clerkId = await idNumberOf(clerk.personId!);
    try {
      await linkAccountToPerson(db, admin, { accountId: emp.userId, idNumber: clerkId });
      await linkAccountToPerson(db, admin, { accountId: reviewer.userId, idNumber: clerkId });
      await expect(
        acceptApplication(db, reviewer, { applicationId: app.applicationId, version: app.version }),
      ).rejects.toMatchObject({ message: SOD_INVOLVED });
    } finally {
      await linkAccountToPerson(db, admin, { accountId: emp.userId, idNumber: null });
    }
  }, 60_000);

  it("V4.1.3 linking refuses an unknown ID number and accounts that are not reviewers or employers, and is " +
    "audited", async () => {
    const reviewer = await newReviewer();
    await expect(
      linkAccountToPerson(db, admin, { accountId: reviewer.userId, idNumber: "110101199001011234" }),
    ).rejects.toMatchObject({ kind: "invalid" });
    await expect(
      linkAccountToPerson(db, admin, { accountId: reviewer.userId, idNumber: "12345" }),
    ).rejects.toMatchObject({ kind: "invalid" });
    await expect(linkAccountToPerson(db, admin, { accountId: admin.userId, idNumber: null })).rejects.toMatchObject({
      kind: "not_found",
    });
    await expect(
      linkAccountToPerson(db, reviewer, { accountId: reviewer.userId, idNumber: null }),
    ).rejects.toMatchObject({ kind: "not_found" });
    const events = await db.select().from(s.securityEvents).where(eq(s.securityEvents.kind, "account_person_linked"));
    expect(events.length).toBeGreaterThan(0);
  }, 60_000);

  it("V11.1.x where a program separates 受理 and 审批 (program data), the acceptor cannot decide; a colleague " +
    "decides", async () => {
    const app = await countersigned();
    const acceptor = await newReviewer();
    const accepted = await acceptApplication(db, acceptor, { applicationId: app.applicationId, version: app.version });
    const options = cost2Shanghai.options as { acceptorMayDecide: boolean };
    options.acceptorMayDecide = false;
    try {
      await expect(
        approveApplication(db, acceptor, { applicationId: app.applicationId, version: accepted.application.version }),
      ).rejects.toMatchObject({
        kind: "refused",
        message: SOD_ACCEPTED_HERE,
      });
      const approved = await approveApplication(db, await newReviewer(), {
        applicationId: app.applicationId,
        version: accepted.application.version,
      });
      expect(approved.application.status).toBe("approved");
    } finally {
      options.acceptorMayDecide = true;
    }
  }, 60_000);
});
