import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";

/**
 * The frame and applicant components get their words as props from server helpers (ADR 0010: client components never
 * load next-intl). The helpers read the request's language through next-intl's getTranslations; here that is the
 * catalog translator in a chosen language, so the helpers' output can be checked for both languages.
 */
let locale: Locale = "zh-CN";
vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace: "shell" | "applicant") => translator(locale, namespace),
}));

const { applicantComponentTexts } = await import("@/components/applicant/texts");
const { CertificatePreview } = await import("@/components/applicant/CertificatePreview");
const { pagerTexts, shellTexts } = await import("@/components/shell/texts");
const { Pagination } = await import("@/components/ui/Pagination");
const { fill, fillNodes } = await import("@/components/ui/fill");

const CHINESE = /[\u4e00-\u9fff]/;
/** Every string inside a texts object (nested objects and arrays included). */
function strings(node: unknown): string[] {
  if (typeof node === "string") return [node];
  if (Array.isArray(node)) return node.flatMap(strings);
  if (node && typeof node === "object") return Object.values(node).flatMap(strings);
  return [];
}

const preview = {
  programName: "一级造价工程师",
  name: "陈玥",
  gender: "女",
  birthDate: "1986-06-12",
  registrationNo: null,
  employerName: null,
  specialty: null,
  validUntil: null,
  authority: "住房和城乡建设部",
  photoFileId: null,
  signatureFileId: null,
};

describe("frame and applicant component texts (issue 14 item 4)", () => {
  beforeEach(() => {
    locale = "zh-CN";
  });

  it("in Chinese, the components look exactly as they did before they took texts", async () => {
    const x = await applicantComponentTexts();
    expect(renderToStaticMarkup(h(CertificatePreview, { ...preview, texts: x.certificatePreview }))).toBe(
      renderToStaticMarkup(h(CertificatePreview, preview)),
    );
    const href = (p: number) => `/applicant/messages?page=${p}`;
    const texts = await pagerTexts();
    for (const [page, total] of [
      [1, 3],
      [2, 45],
      [3, 45],
    ] as const) {
      expect(renderToStaticMarkup(h(Pagination, { page, total, href, texts }))).toBe(
        renderToStaticMarkup(h(Pagination, { page, total, href })),
      );
    }
    expect((await shellTexts()).signOut).toBe("退出登录");
  });

  it("in English, no text of the frame or the components is left in Chinese", async () => {
    locale = "en";
    const all = [await shellTexts(), await applicantComponentTexts()];
    for (const s of strings(all)) expect(s).not.toMatch(CHINESE);
    const pager = await pagerTexts();
    expect(pager.totalPaged(45, 2, 3)).toBe("45 in total, page 2 of 3");
    const html = renderToStaticMarkup(
      h(CertificatePreview, { ...preview, texts: (await applicantComponentTexts()).certificatePreview }),
    );
    expect(html).toContain("一级造价工程师 registration certificate");
    expect(html).toContain("(issued on registration)");
  });

  it("hands placeholders to the client raw, and the client fills them", async () => {
    locale = "en";
    const { idle } = await shellTexts();
    expect(fill(idle.body, { minutes: 2, time: "1:59" })).toContain("in 2 min (1:59 left)");
    const x = await applicantComponentTexts();
    expect(fill(x.portraits.uploadAgain, { title: "signature" })).toBe("Upload signature again");
    expect(fill(x.dialog.uploads.failed, { status: 502 })).toBe("Upload failed (502). Please try again later.");
    locale = "zh-CN";
    const zh = await applicantComponentTexts();
    const picked = fillNodes(zh.employerPicker.picked, {
      name: h("strong", null, "建科造价"),
      uscc: h("strong", null, "91310000MA1FL0001R"),
      kind: "工程造价咨询企业",
    });
    expect(renderToStaticMarkup(h("div", null, picked))).toBe(
      "<div>已选择：<strong>建科造价</strong>，统一社会信用代码 <strong>91310000MA1FL0001R</strong>（工程造价咨询企业）。</div>",
    );
  });
});
