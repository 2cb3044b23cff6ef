import { describe, expect, it } from "vitest";
import { HOSTILE_TEXT_MESSAGE } from "@/lib/domain/clean-text";
import { checkOption } from "@/lib/domain/eligibility";
import { uploadProblems } from "@/lib/domain/files";
import { getProgram } from "@/lib/domain/programs";
import { m, validationMessage } from "@/lib/schemas/messages";
import { CODE_EXPIRED } from "@/lib/server/one-time-codes";
import { reasonText } from "@/lib/services/applications/eligibility-text";
import { conflict, inEach, joined, named, notFound, render, say, ServiceError } from "@/lib/services/errors";

/** Issue 14 item 4 (ADR 0010): refusals and input messages said in the reader's language, Chinese unchanged. */
const HAN = /[\u4e00-\u9fff]/;

describe("schema messages", () => {
  it("m() gives the catalog's Chinese with its values and remembers which message it is", () => {
    const text = m("maxChars", { max: 37 });
    expect(text).toBe("不能超过37个字，请精简后再提交。");
    expect(validationMessage(text)).toEqual({ key: "maxChars", values: { max: 37 } });
    expect(validationMessage("某个手写的提示")).toBeUndefined();
  });

  it("the hostile-text message is the domain's, word for word", () => {
    expect(m("hostileText")).toBe(HOSTILE_TEXT_MESSAGE);
  });
});

describe("service errors", () => {
  it("notFound and conflict keep their Chinese message and say it in English on request", () => {
    const e = notFound("application");
    expect(e.message).toBe("该申请不存在或您无权查看。请从列表重新进入；如仍有问题请联系管理员。");
    expect(e.messageIn("en")).toMatch(/^This application does not exist or you do not have access to it\./);
    expect(notFound().message).toMatch(/^该记录不存在/);
    expect(conflict().message).toBe("该申请刚刚已被他人处理，您看到的不是最新状态。请刷新页面后查看当前状态再操作。");
    expect(conflict().messageIn("en")).not.toMatch(HAN);
  });

  it("field messages follow the same language as the message; a plain string stays as written", () => {
    const e = new ServiceError("invalid", say("records.trainingDateFuture"), {
      trainingDate: say("records.trainingDateFuture"),
      other: "仅中文",
    });
    expect(e.fieldErrors).toEqual({ trainingDate: "培训日期不能晚于今天。", other: "仅中文" });
    expect(e.fieldErrorsIn("en")).toEqual({
      trainingDate: "The training date cannot be later than today.",
      other: "仅中文",
    });
  });

  it("domain names, program-specific Chinese and lists render per language", () => {
    const text = say("people.busyApplication", {
      type: named("type.initial"),
      status: named("status.signed", "待单位签名确认"),
    });
    expect(render(text, "zh-CN")).toContain("「初始注册」申请正在办理（待单位签名确认）");
    expect(render(text, "en")).toContain('"Initial registration" in progress (Signed by you');
    const photo = say("eligibility.reason", { reason: inEach({ "zh-CN": "请先上传一寸照片", en: "upload a photo" }) });
    const list = say("eligibility.cannotSignNow", { reasons: joined([photo, "x"]) });
    expect(render(list, "zh-CN")).toBe("现在不能签名上报：请先上传一寸照片；x");
    expect(render(list, "en")).toBe("You cannot sign and file this now: upload a photo; x.");
  });
});

describe("verification codes", () => {
  it("the catalog's Chinese is the one-time-code check's own, and English says the same", () => {
    expect(render(say("codes.expired"), "zh-CN")).toBe(CODE_EXPIRED);
    expect(render(say("codes.wrong", { left: 3 }), "zh-CN")).toBe(
      "短信验证码不正确，请核对后重新输入（还可尝试3次）。",
    );
    expect(render(say("codes.wrong", { left: 3 }), "en")).toMatch(/\(3 attempts left\)\.$/);
  });
});

describe("lists of names", () => {
  it("an employer's applications in progress are listed with the language's separator, Chinese as before", () => {
    const item = (name: string, no: string) =>
      say("employers.inFlightItem", {
        name,
        type: named("type.initial"),
        ref: no ? say("employers.acceptanceRef", { no }) : "",
      });
    const text = say("employers.inFlight", { list: joined([item("张三", "A1"), item("Li Si", "")], true) });
    expect(render(text, "zh-CN")).toBe(
      "本单位还有正在办理的申请：张三的初始注册申请（受理编号 A1）、Li Si的初始注册申请。请待这些申请办结或撤回后，再办理单位名称变更。",
    );
    expect(render(text, "en")).toMatch(
      new RegExp(
        "^Your organisation still has applications in progress: 张三's application for Initial registration " +
          "\\(acceptance no\\. A1\\), Li Si's application for Initial registration\\. ",
      ),
    );
  });
});

describe("domain reasons", () => {
  it("an eligibility reason is the domain's Chinese exactly, and English from its code", () => {
    const program = getProgram("cost1");
    const o = checkOption(
      {
        birthDate: "1990-01-01",
        qualifications: [],
        registrations: [],
        ceRecords: [],
        applications: [],
        photoOnFile: false,
        signatureOnFile: true,
        employer: null,
        socialInsuranceAnomaly: false,
      } as never,
      program,
      "initial",
      "1",
      "2026-11-30",
    );
    expect(o.reasons.length).toBeGreaterThan(1);
    for (const r of o.reasons) {
      expect(r.code).toBeDefined();
      expect(render(reasonText(program, r), "zh-CN")).toBe(r.message);
    }
    const en = o.reasons.map((r) => render(reasonText(program, r), "en"));
    for (const text of en) expect(text).not.toMatch(/[\u4e00-\u9fff]/);
    expect(en).toContain("Upload your one-inch photo under \u201cEdit personal information\u201d first");
    expect(en).toContain(
      "You need exactly one employer: choose your employer under \u201cEdit personal information\u201d first",
    );
  });

  it("upload problems: the same Chinese as before, values for English", () => {
    const [p] = uploadProblems(getProgram("cost1"), "photo", { fileName: "a.gif", bytes: 1000 });
    expect(p!.message).toMatch(/^文件格式须为 /);
    const en = render(say(`files.problem.${p!.code}`, { ...p!.values }, p!.message), "en");
    expect(en).toMatch(/^the format must be [a-z/]+ \(this file: gif\)$/);
  });
});
