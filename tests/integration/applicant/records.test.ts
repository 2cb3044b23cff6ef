import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import { ceTotals, continuingEducationOf } from "@/lib/queries/applicant-records";
import { ServiceError } from "@/lib/services/errors";
import {
  addAchievement,
  addContinuingEducation,
  addWorkExperience,
  deleteAchievement,
  deleteContinuingEducation,
  deleteWorkExperience,
  updateAchievement,
  updateContinuingEducation,
  updateWorkExperience,
} from "@/lib/services/records/personal-records";
import { missingAchievementYears } from "@/lib/domain/record-inputs";
import { testDb } from "../support/db";
import { freshApplicant } from "../engine/fixtures";

const SH = { programCode: "cost2-sh", specialty: "1", employerUscc: "91310000MA1FL0001R", provinceCode: "31" };
let db: Database;
beforeAll(() => {
  db = testDb();
});

async function kindOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ServiceError) return e.kind;
    throw e;
  }
  return "ok";
}

describe("applicant records: 工作经历 / 工作业绩 / 继续教育", () => {
  it("I3: work experience — add, edit, delete; only the owner's rows (others get not found)", async () => {
    const me = await freshApplicant(db, SH);
    const other = await freshApplicant(db, SH);
    const { id } = await addWorkExperience(db, me, {
      startDate: "2016-07-01",
      endDate: "",
      organization: "上海建科造价咨询有限公司",
      position: "造价员",
    });
    const [row] = await db.select().from(s.workExperiences).where(eq(s.workExperiences.id, id));
    expect(row).toMatchObject({ personId: me.personId, endDate: null, position: "造价员", duties: null });

    expect(
      await kindOf(
        updateWorkExperience(db, other, id, { startDate: "2016-07-01", organization: "别人的单位", position: "x" }),
      ),
    ).toBe("not_found");
    expect(await kindOf(deleteWorkExperience(db, other, id))).toBe("not_found");
    expect(await kindOf(deleteWorkExperience(db, me, "not-a-uuid"))).toBe("not_found");

    await updateWorkExperience(db, me, id, {
      startDate: "2016-07-01",
      endDate: "2020-12-31",
      organization: "上海建科造价咨询有限公司",
      position: "造价工程师",
    });
    const [after] = await db.select().from(s.workExperiences).where(eq(s.workExperiences.id, id));
    expect(after).toMatchObject({ endDate: "2020-12-31", position: "造价工程师" });
    await deleteWorkExperience(db, me, id);
    expect(await db.select().from(s.workExperiences).where(eq(s.workExperiences.id, id))).toHaveLength(0);
  });

  it("I3: invalid input comes back per field in plain Chinese", async () => {
    const me = await freshApplicant(db, SH);
    try {
      await addWorkExperience(db, me, {
        startDate: "2020-05-01",
        endDate: "2019-01-01",
        organization: "",
        position: "造价员",
      });
      throw new Error("expected a refusal");
    } catch (e) {
      expect(e).toBeInstanceOf(ServiceError);
      const err = e as ServiceError;
      expect(err.kind).toBe("invalid");
      expect(err.fieldErrors?.organization).toBe("请填写工作单位。");
    }
    try {
      await addWorkExperience(db, me, {
        startDate: "2020-05-01",
        endDate: "2019-01-01",
        organization: "甲",
        position: "乙",
      });
      throw new Error("expected a refusal");
    } catch (e) {
      expect((e as ServiceError).fieldErrors?.endDate).toBe("终止时间不能早于起始时间。");
    }
    const future = new Date("2026-06-01T00:00:00Z");
    try {
      await addAchievement(db, me, { year: "2027", projectName: "未来项目", role: "负责人" }, future);
      throw new Error("expected a refusal");
    } catch (e) {
      expect((e as ServiceError).fieldErrors?.year).toBe("年度须在 1950–2026 之间。");
    }
  });

  it("I3: achievements — the missing years of the last three are named; owner checks on edit and delete", async () => {
    const me = await freshApplicant(db, SH);
    const other = await freshApplicant(db, SH);
    const now = new Date("2026-11-21T04:00:00Z");
    const a = await addAchievement(db, me, { year: "2023", projectName: "临港公租房", role: "造价负责人" }, now);
    await addAchievement(
      db,
      me,
      { year: 2025, projectName: "地铁机电安装", role: "结算审核", completedOn: "2025-10-15" },
      now,
    );
    const years = (
      await db
        .select({ year: s.achievements.year })
        .from(s.achievements)
        .where(eq(s.achievements.personId, me.personId!))
    ).map((r) => r.year);
    expect(missingAchievementYears(years, "2026-11-21")).toEqual([2024]);
    expect(missingAchievementYears([2023, 2024, 2025], "2026-11-21")).toEqual([]);

    expect(await kindOf(updateAchievement(db, other, a.id, { year: 2023, projectName: "改", role: "改" }, now))).toBe(
      "not_found",
    );
    expect(await kindOf(deleteAchievement(db, other, a.id))).toBe("not_found");
    await updateAchievement(db, me, a.id, { year: 2024, projectName: "临港公租房", role: "造价负责人" }, now);
    const after = (
      await db
        .select({ year: s.achievements.year })
        .from(s.achievements)
        .where(eq(s.achievements.personId, me.personId!))
    ).map((r) => r.year);
    expect(missingAchievementYears(after, "2026-11-21")).toEqual([2023]);
    await deleteAchievement(db, me, a.id);
  });

  it("I2 X3: continuing education — 必修/选修 per year; platform-linked rows are read-only; owner checks", async () => {
    const me = await freshApplicant(db, SH);
    const other = await freshApplicant(db, SH);
    const now = new Date("2026-11-21T04:00:00Z");
    const r1 = await addContinuingEducation(
      db,
      me,
      {
        programCode: "cost2-sh",
        category: "required",
        hours: "15",
        courseName: "计价规范",
        trainingDate: "2026-03-01",
        provider: "上海市建设工程造价协会",
        specialtyCode: "1",
      },
      now,
    );
    await addContinuingEducation(
      db,
      me,
      {
        programCode: "cost2-sh",
        category: "elective",
        hours: 10,
        courseName: "BIM 造价",
        trainingDate: "2025-09-01",
        provider: "协会",
        specialtyCode: "",
      },
      now,
    );
    const rows = await continuingEducationOf(db, me.personId!);
    expect(rows.map((r) => [r.year, r.category, r.hours, r.specialtyCode, r.source])).toEqual([
      [2026, "required", 15, "1", "self"],
      [2025, "elective", 10, null, "self"],
    ]);
    expect(ceTotals(rows)).toEqual({
      years: [
        { year: 2026, required: 15, elective: 0, total: 15 },
        { year: 2025, required: 0, elective: 10, total: 10 },
      ],
      all: { required: 15, elective: 10, total: 25 },
    });

    // Unknown specialty, future date, zero hours: refused with the field named.
    expect(
      await kindOf(
        addContinuingEducation(
          db,
          me,
          {
            programCode: "cost2-sh",
            category: "required",
            hours: 5,
            courseName: "x",
            trainingDate: "2026-01-01",
            provider: "x",
            specialtyCode: "9",
          },
          now,
        ),
      ),
    ).toBe("invalid");
    expect(
      await kindOf(
        addContinuingEducation(
          db,
          me,
          {
            programCode: "cost2-sh",
            category: "required",
            hours: 5,
            courseName: "x",
            trainingDate: "2026-12-01",
            provider: "x",
          },
          now,
        ),
      ),
    ).toBe("invalid");
    expect(
      await kindOf(
        addContinuingEducation(
          db,
          me,
          { category: "required", hours: 0, courseName: "x", trainingDate: "2026-01-01", provider: "x" },
          now,
        ),
      ),
    ).toBe("invalid");

    expect(
      await kindOf(
        updateContinuingEducation(
          db,
          other,
          r1.id,
          { category: "elective", hours: 1, courseName: "x", trainingDate: "2026-01-01", provider: "x" },
          now,
        ),
      ),
    ).toBe("not_found");
    expect(await kindOf(deleteContinuingEducation(db, other, r1.id))).toBe("not_found");

    const [linked] = await db
      .insert(s.continuingEducation)
      .values({
        personId: me.personId!,
        programCode: "cost2-sh",
        specialtyCode: "1",
        year: 2026,
        category: "elective",
        hours: 15,
        trainingDate: "2026-05-20",
        provider: "中价协",
        source: "ceca",
      })
      .returning({ id: s.continuingEducation.id });
    expect(
      await kindOf(
        updateContinuingEducation(
          db,
          me,
          linked!.id,
          { category: "elective", hours: 30, courseName: "x", trainingDate: "2026-05-20", provider: "x" },
          now,
        ),
      ),
    ).toBe("refused");
    expect(await kindOf(deleteContinuingEducation(db, me, linked!.id))).toBe("refused");

    await updateContinuingEducation(
      db,
      me,
      r1.id,
      {
        programCode: "cost2-sh",
        category: "required",
        hours: 16,
        courseName: "计价规范",
        trainingDate: "2026-03-01",
        provider: "协会",
        specialtyCode: "1",
      },
      now,
    );
    await deleteContinuingEducation(db, me, r1.id);
    expect((await continuingEducationOf(db, me.personId!)).map((r) => r.hours)).toEqual([15, 10]);
  });

  it("records services refuse anyone but an applicant with a person", async () => {
    const reviewerLike = {
      userId: "00000000-0000-4000-8000-000000000001",
      role: "reviewer" as const,
      displayName: "审核员",
    };
    expect(
      await kindOf(addWorkExperience(db, reviewerLike, { startDate: "2020-01-01", organization: "x", position: "y" })),
    ).toBe("not_found");
  });
});
