import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { applicantApplication, applicantApplicationList } from "@/lib/queries/applicant-applications";
import { createApplication } from "@/lib/services/applications/create-application";
import { saveApplication } from "@/lib/services/applications/save-application";
import { testDb } from "../support/db";
import { freshApplicant, givePhotoAndSignature } from "../engine/fixtures";

/**
 * Issue 14 item 4: the save's field problems are made in the applicant's language, and the read models of
 * 上报业务查询 / 申请详情 name type, programme, specialty, status and timeline in it. Chinese stays as it was.
 */
const SH = { programCode: "cost2-sh", specialty: "1", employerUscc: "91310000MA1FL0001R", provinceCode: "31" };
const CJK = /[\u4e00-\u9fff]/;
let db: Database;
beforeAll(() => {
  process.env.PORTAL_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "portal-filing-en-"));
  db = testDb();
});

describe("filing in the applicant's language", () => {
  it("says the save's field problems in English for an English reader, in the same Chinese otherwise", async () => {
    const me = await freshApplicant(db, SH);
    await givePhotoAndSignature(db, me.personId!);
    const { applicationId } = await createApplication(db, me, {
      programCode: "cost2-sh",
      type: "initial",
      specialtyCode: "1",
    });
    const zh = await saveApplication(db, { ...me, locale: "zh-CN" }, { applicationId, version: 0, formData: {} });
    expect(zh.fieldErrors.qualificationMethod).toBe("「获取执业资格方式」为必填项");
    expect(zh.fieldErrors["attachments.labour_contract"]).toBe("请上传「劳动合同扫描件」");

    const en = await saveApplication(db, { ...me, locale: "en" }, { applicationId, version: 1, formData: {} });
    expect(Object.keys(en.fieldErrors).sort()).toEqual(Object.keys(zh.fieldErrors).sort());
    expect(en.fieldErrors.qualificationMethod).toBe("Please fill in \u201cHow the qualification was obtained\u201d.");
    expect(en.fieldErrors["attachments.labour_contract"]).toBe(
      "Please upload \u201cScan of the employment contract\u201d.",
    );
    for (const [field, message] of Object.entries(en.fieldErrors)) expect(message, field).not.toMatch(CJK);

    const list = await applicantApplicationList(db, me.personId!, "current", 1, 10, "en");
    expect(list.rows[0]).toMatchObject({
      typeLabel: "Initial registration",
      programName: "Class 2 Cost Engineer (上海市)",
      specialtyName: "Civil and building works",
      statusLabel: "Not filed (draft)",
    });
    const d = (await applicantApplication(db, me.personId!, applicationId, "en"))!;
    expect(d.statusLabel).toBe("Not filed (draft)");
    // The document names stay Chinese (the PDF's file name is made from them); the page shows the English ones.
    expect([d.typeLabel, d.typeText, d.specialtyText]).toEqual([
      "初始注册",
      "Initial registration",
      "Civil and building works",
    ]);
    expect(d.timeline.map((e) => [e.title, e.actorLabel])).toContainEqual(["Application form saved", "Applicant"]);
    const dz = (await applicantApplication(db, me.personId!, applicationId))!;
    expect(dz.statusLabel).toBe("未申报（草稿）");
    expect(dz.timeline.map((e) => e.title)).toContain("已保存申请表");
  });
});
