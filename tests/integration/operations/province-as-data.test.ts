import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { syncReferenceData } from "@/db/reference/sync";
import * as s from "@/db/schema";
import { eligibility } from "@/lib/domain/eligibility";
import { findProgram, getProgram } from "@/lib/domain/programs";
import { usccCheckChar } from "@/lib/domain/id-checksums";
import { personProgramCodes } from "@/lib/queries/applicant-applications";
import { reviewQueuePage } from "@/lib/queries/review-queues";
import { chinaDate } from "@/lib/server/clock";
import { loadReferenceData } from "@/lib/server/reference-files";
import { countersignApplication } from "@/lib/services/applications/countersign-application";
import { loadPersonSnapshot } from "@/db/rows/application-rows";
import { applicationFormData } from "@/lib/services/documents/application-form-data";
import { renderApplicationForm } from "@/lib/server/pdf/application-form";
import { actorOf } from "../support/actors";
import { testDb } from "../support/db";
import { filedInitialApplication, freshApplicant } from "../engine/fixtures";

/** The fixture an authority would write: 江苏省住房和城乡建设厅 and its 二级造价工程师 program, as JSON only. */
const FIXTURE = path.resolve("tests/fixtures/reference-jiangsu");
const JS_USCC_17 = "91320000MA1JT0001";
const JS_USCC = JS_USCC_17 + usccCheckChar(JS_USCC_17);

let db: Database;
beforeAll(async () => {
  db = testDb();
  // What a restart does: read the reference files, register their programs, apply them to the database.
  await syncReferenceData(db, loadReferenceData(FIXTURE));
  const [employer] = await db
    .insert(s.employers)
    .values({
      name: "江苏苏建造价咨询有限公司",
      uscc: JS_USCC,
      kind: "cost_consulting",
      provinceCode: "32",
      contactPhone: "025-80000001",
      address: "南京市鼓楼区中山路1号",
    })
    .onConflictDoNothing()
    .returning({ id: s.employers.id });
  if (employer) {
    await db.insert(s.userAccounts).values({
      role: "employer",
      loginName: JS_USCC,
      displayName: "江苏苏建造价咨询有限公司",
      employerId: employer.id,
    });
  }
});

describe("a province is data: 江苏 二级造价工程师 from a reference file, no code edit (P)", () => {
  it("P: the 江苏 program and its authority exist after the restart's sync", async () => {
    const program = findProgram("cost2-js");
    expect(program?.name).toBe("二级造价工程师（江苏省）");
    expect(program?.numbering.pattern.test("建[造]21263201000001")).toBe(true);
    const [row] = await db.select().from(s.programs).where(eq(s.programs.code, "cost2-js"));
    expect(row).toMatchObject({ name: "二级造价工程师（江苏省）", provinceCode: "32" });
    const [js] = await db.select().from(s.authorities).where(eq(s.authorities.code, "js"));
    expect(js).toMatchObject({ name: "江苏省住房和城乡建设厅", level: "provincial", provinceCode: "32" });
  });

  const title1 =
    "P: a person with a 江苏 qualification sees the program on the apply page, files, and the 江苏 reviewers' queue " +
    "has it; the form prints 江苏省";
  it(title1, async () => {
    const who = await freshApplicant(db, {
      programCode: "cost2-js",
      specialty: "1",
      employerUscc: JS_USCC,
      provinceCode: "32",
      name: "江苏测试",
    });
    expect(await personProgramCodes(db, who.personId!)).toEqual(["cost2-js"]);
    const report = eligibility(
      await loadPersonSnapshot(db, who.personId!, "cost2-js"),
      getProgram("cost2-js"),
      chinaDate(new Date()),
    );
    const initial = report.options.find((o) => o.type === "initial" && o.specialty === "1");
    // Only the photo/signature are missing before the fixture adds them; filing below proves the whole path.
    expect(initial).toBeDefined();

    const filed = await filedInitialApplication(db, who, "cost2-js", "1");
    await countersignApplication(db, await actorOf(db, "employer", JS_USCC), {
      applicationId: filed.applicationId,
      version: filed.version,
      opinionTicked: true,
    });

    const [js] = await db.select().from(s.authorities).where(eq(s.authorities.code, "js"));
    const queue = await reviewQueuePage(db, js!.id, "pending", {});
    expect(queue.rows.map((r) => r.id)).toContain(filed.applicationId);
    expect(queue.rows.find((r) => r.id === filed.applicationId)!.programName).toBe("二级造价工程师（江苏省）");
    const [sh] = await db.select().from(s.authorities).where(eq(s.authorities.code, "sh"));
    expect((await reviewQueuePage(db, sh!.id, "pending", {})).rows.map((r) => r.id)).not.toContain(filed.applicationId);

    const [app] = await db.select().from(s.applications).where(eq(s.applications.id, filed.applicationId));
    expect(app!.acceptanceNo).toMatch(/^W\d{6}320\d+/);
    const form = await applicationFormData(db, app!, new Date());
    expect(form.registration.qualificationPlace).toBe("江苏省");
    expect(form.programName).toBe("二级造价工程师（江苏省）");
    const pdf = await renderApplicationForm(form);
    fs.mkdirSync("test-results", { recursive: true });
    fs.writeFileSync("test-results/jiangsu-application-form.pdf", pdf);
  });
});
