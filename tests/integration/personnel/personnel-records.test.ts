import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import type { Database } from "@/db/client";
import {
  employerPersonnel,
  employerPersonnelRecord,
  personnelRecordForReview,
  personnelReviewQueue,
} from "@/lib/queries/personnel";
import { ServiceError } from "@/lib/services/errors";
import { reviewPersonnelRecord } from "@/lib/services/personnel/review-personnel-record";
import { savePersonnelRecord } from "@/lib/services/personnel/save-personnel-record";
import { submitPersonnelRecord } from "@/lib/services/personnel/submit-personnel-record";
import { employer, reviewer } from "../support/actors";
import { testDb } from "../support/db";

const SH = "91310000MA1FL0001R";
const ZJ = "91330100MA2CD0002J";
let db: Database;
beforeAll(() => {
  db = testDb();
});

/** 郑犇, a demo person registered with the 浙江 employer: the record links to his registration. */
const fields = (over: Record<string, string> = {}) => ({
  name: "郑犇",
  gender: "male",
  idType: "resident_id",
  idNumber: "330102196711080011",
  birthDate: "1967-11-08",
  phone: "13800000008",
  position: "造价员",
  education: "大专",
  degree: "",
  school: "浙江建设职业技术学院",
  major: "工程造价",
  graduationDate: "1988-07-01",
  title: "高级工程师",
  titleYear: "2005",
  ...over,
});

async function kind(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof ServiceError) return e.kind;
    throw e;
  }
  return "ok";
}

describe("人员管理 (M4)", () => {
  const title1 =
    "M4: save → 上报 → 退回 with an opinion the employer sees → correct and 上报 again → 审核通过, each step " +
    "audited";
  it(title1, async () => {
    const emp = await employer(db, ZJ);
    const zj = await reviewer(db, "zj_reviewer");
    const sh = await reviewer(db, "sh_reviewer");

    const bad = await savePersonnelRecord(db, emp, {
      fields: fields({ idNumber: "330102196711080012", phone: "123" }),
    }).catch((e: ServiceError) => e);
    expect(bad).toBeInstanceOf(ServiceError);
    expect((bad as ServiceError).fieldErrors).toMatchObject({
      idNumber: expect.any(String),
      phone: expect.any(String),
    });

    const created = await savePersonnelRecord(db, emp, { fields: fields() });
    let rec = (await employerPersonnelRecord(db, emp.employerId!, created.id))!;
    expect(rec.status).toBe("draft");
    expect(rec.registrations.length).toBeGreaterThan(0); // linked by ID number to the person's registrations
    // A draft is the employer's own: not in the authority's queue.
    expect((await personnelReviewQueue(db, zj.authorityId!)).map((r) => r.id)).not.toContain(created.id);
    // One record per person per employer.
    expect(await kind(savePersonnelRecord(db, emp, { fields: fields() }))).toBe("invalid");

    await submitPersonnelRecord(db, emp, { id: created.id, version: rec.version });
    rec = (await employerPersonnelRecord(db, emp.employerId!, created.id))!;
    expect(rec.statusLabel).toBe("待审核");
    // Not editable while under review.
    expect(
      await kind(
        savePersonnelRecord(db, emp, { id: created.id, version: rec.version, fields: fields({ position: "x" }) }),
      ),
    ).toBe("conflict");

    // Only the authority of the employer's province sees and reviews it.
    expect((await personnelReviewQueue(db, zj.authorityId!)).map((r) => r.id)).toContain(created.id);
    expect(await personnelRecordForReview(db, sh.authorityId!, created.id)).toBeNull();
    expect(
      await kind(reviewPersonnelRecord(db, sh, { id: created.id, version: rec.version, decision: "approve" })),
    ).toBe("not_found");
    // A return needs an opinion.
    expect(
      await kind(reviewPersonnelRecord(db, zj, { id: created.id, version: rec.version, decision: "return" })),
    ).toBe("invalid");

    await reviewPersonnelRecord(db, zj, {
      id: created.id,
      version: rec.version,
      decision: "return",
      opinion: "请补充学位信息",
    });
    const listed = (await employerPersonnel(db, emp.employerId!)).find((r) => r.id === created.id)!;
    expect(listed.statusLabel).toBe("审核退回");
    expect(listed.reviewOpinion).toBe("请补充学位信息");
    // A second reviewer acting on the page they opened before the return: refused, not applied twice.
    expect(
      await kind(reviewPersonnelRecord(db, zj, { id: created.id, version: rec.version, decision: "approve" })),
    ).toBe("conflict");

    rec = (await employerPersonnelRecord(db, emp.employerId!, created.id))!;
    const saved = await savePersonnelRecord(db, emp, {
      id: created.id,
      version: rec.version,
      fields: fields({ degree: "工学学士" }),
    });
    // A stale page (the version before the save) cannot submit.
    expect(await kind(submitPersonnelRecord(db, emp, { id: created.id, version: rec.version }))).toBe("conflict");
    await submitPersonnelRecord(db, emp, { id: created.id, version: saved.version });
    rec = (await employerPersonnelRecord(db, emp.employerId!, created.id))!;
    await reviewPersonnelRecord(db, zj, { id: created.id, version: rec.version, decision: "approve" });

    rec = (await employerPersonnelRecord(db, emp.employerId!, created.id))!;
    expect(rec.statusLabel).toBe("审核通过");
    expect(rec.editable).toBe(false);
    expect(rec.reviewerName).toBe(zj.displayName);
    // 备案通过后不能修改.
    expect(await kind(savePersonnelRecord(db, emp, { id: created.id, version: rec.version, fields: fields() }))).toBe(
      "conflict",
    );

    const audit = await db
      .select({ action: sql<string>`${s.securityEvents.detail}->>'action'` })
      .from(s.securityEvents)
      .where(
        and(
          eq(s.securityEvents.kind, "personnel_record_changed"),
          sql`${s.securityEvents.detail}->>'recordId' = ${created.id}`,
        ),
      )
      .orderBy(s.securityEvents.id);
    expect(audit.map((a) => a.action)).toEqual(["created", "submitted", "returned", "saved", "submitted", "approved"]);
  });

  it("M4: another employer cannot read or submit the record", async () => {
    const emp = await employer(db, SH);
    const other = await employer(db, ZJ);
    const created = await savePersonnelRecord(db, emp, {
      fields: fields({ name: "周昇", idNumber: "310104199201010059", birthDate: "1992-01-01", phone: "13800000007" }),
    });
    expect(await employerPersonnelRecord(db, other.employerId!, created.id)).toBeNull();
    expect(await kind(submitPersonnelRecord(db, other, { id: created.id, version: 1 }))).toBe("not_found");
  });
});
