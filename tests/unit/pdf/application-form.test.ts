import { describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { applicationFormFileName, renderApplicationForm } from "@/lib/server/pdf/application-form";
import { GENERATED_AT, longForm, sampleForm, samplePhoto, sampleSignature } from "./fixtures";
import { pdfPageCount, pdfImages, pdfText, renderPages } from "./helpers";

describe("application form PDF", () => {
  it("contains the applicant's data, rare name characters, 受理编号 and generation time", async () => {
    const pdf = await renderApplicationForm(
      sampleForm({ photo: await samplePhoto(), signatureImage: await sampleSignature() }),
    );
    renderPages(pdf, "application-form");
    const text = pdfText(pdf);
    for (const s of [
      "二级造价工程师初始注册申请表",
      "受理编号：W2026113100001",
      "生成时间：2026-11-3014:52:12",
      "王堃",
      "李喆",
      "陈玥",
      "310101198803140035",
      "91310104MA1FR0XX7Q",
      "上海建和工程咨询有限公司",
      "土木建筑工程",
      "0231001234",
      "获取执业资格方式",
      "上海市建设工程咨询行业协会",
      "徐汇滨江B地块商办项目全过程造价咨询",
      "社保缴纳证明_202611.pdf",
      "申请人员意见",
      "申请人签名",
      "聘用单位意见",
    ]) {
      expect(text).toContain(s);
    }
    // Photo + signature image embedded.
    expect(pdfImages(pdf).length).toBeGreaterThanOrEqual(2);
    // Subset fonts keep the file small (the full TTF is 10 MiB).
    expect(pdf.length).toBeLessThan(400_000);
  }, 30_000);

  it("renders every rare name character (no .notdef) and omits empty optional sections", async () => {
    const pdf = await renderApplicationForm(
      sampleForm({
        applicant: { ...sampleForm().applicant, name: "王堃喆犇燚昇珺玥" },
        continuingEducation: [],
        workExperience: undefined,
        achievements: undefined,
        attachments: undefined,
      }),
    );
    const text = pdfText(pdf);
    expect(text).toContain("王堃喆犇燚昇珺玥");
    expect(text).not.toContain("继续教育（逾期注册）");
    expect(text).not.toContain("工作经历");
    expect(text).toContain("照片"); // placeholder when no photo
  }, 30_000);

  it("paginates long tables and repeats their header", async () => {
    const pdf = await renderApplicationForm(longForm());
    renderPages(pdf, "application-form-long");
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(3);
    const text = pdfText(pdf);
    expect(text).toContain(`第1页共${pages}页`);
    expect(text).toContain("（续）");
    // The header row is repeated on the continuation page (pdftotext reads it column by column).
    expect(text.split("起止时间工作单位").length - 1).toBeGreaterThanOrEqual(2);
    expect(text).toContain("上海第40建筑工程咨询有限公司");
  }, 30_000);

  it("pre-creates empty applicant and employer signature fields on the last page", async () => {
    const pdf = await renderApplicationForm(sampleForm());
    const doc = await PDFDocument.load(pdf);
    const names = doc
      .getForm()
      .getFields()
      .map((f) => f.getName());
    expect(names).toEqual(["applicant", "employer"]);
  }, 30_000);

  it("names the file {项目}{类型}申请表_yyyyMMddHHmmss.pdf in Beijing time (F2)", () => {
    expect(applicationFormFileName("二级造价工程师", "初始注册", GENERATED_AT)).toBe(
      "二级造价工程师初始注册申请表_20261130145212.pdf",
    );
    expect(applicationFormFileName("二级造价工程师", "延续注册", new Date("2021-10-20T03:15:42Z"))).toBe(
      "二级造价工程师延续注册申请表_20211020111542.pdf",
    );
  });
});
