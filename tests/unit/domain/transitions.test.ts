import { describe, expect, it } from "vitest";
import {
  ACTIONS,
  ACTION_NAMES,
  APPLICATION_STATUSES,
  PROGRAMS,
  TRANSITIONS,
  applyAction,
  availableActions,
  historyBucket,
  isFormEditable,
  newApplication,
  statusLabel,
  type Application,
} from "@/lib/domain";
import { act, applicant, atFirstAuthority, authority, draft, employer, okInput, run, system } from "./fixtures";

const sh = PROGRAMS["cost2-sh"];
const zj = PROGRAMS["cost2-zj"];
const cost1 = PROGRAMS.cost1;
const sd = PROGRAMS["survey-design"];

describe("transition table shape", () => {
  it("T: every status has an entry and every action has a label", () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...APPLICATION_STATUSES].sort());
    for (const a of ACTION_NAMES) expect(ACTIONS[a].label.length).toBeGreaterThan(0);
    expect(TRANSITIONS.approved).toEqual([]);
    expect(TRANSITIONS.deleted).toEqual([]);
  });
});

describe("G: general guards on the application", () => {
  it("G1: an application names exactly one specialty of the program", () => {
    const bad = newApplication(sh, { id: "x", personId: "p1", type: "initial", specialty: "1,4", employerId: "e1" });
    expect(bad).toEqual({ ok: false, reason: "每次申请须选择且只能选择一个二级造价工程师（上海市）注册专业" });
    expect(newApplication(sh, { id: "x", personId: "p1", type: "initial", specialty: null, employerId: "e1" }).ok).toBe(
      false,
    );
    expect(newApplication(sh, { id: "x", personId: "p1", type: "initial", specialty: "2", employerId: "e1" }).ok).toBe(
      false,
    ); // 交通 not in 二级
    expect(newApplication(sh, { id: "x", personId: "p1", type: "initial", specialty: "4", employerId: "e1" }).ok).toBe(
      true,
    );
  });

  it("G2: signing is refused while another application of the person is in flight, naming it", () => {
    const app = act(draft(sh), "save", applicant(), sh);
    const r = applyAction(
      app,
      "sign",
      applicant(),
      sh,
      okInput({
        otherApplications: [
          {
            id: "a0",
            programCode: "cost2-sh",
            type: "extension",
            specialty: "4",
            status: "pending_acceptance",
            statusLabel: "省级未受理",
          },
        ],
      }),
    );
    expect(r).toEqual({
      ok: false,
      reason: "您有一项「延续注册」申请正在办理（省级未受理），办结或撤回后才能申报新的申请",
    });
    // a finished one does not block
    const ok = applyAction(
      app,
      "sign",
      applicant(),
      sh,
      okInput({
        otherApplications: [
          { id: "a0", programCode: "cost2-sh", type: "extension", specialty: "4", status: "approved" },
        ],
      }),
    );
    expect(ok.ok).toBe(true);
    // missing context is refused rather than assumed empty
    expect(
      applyAction(app, "sign", applicant(), sh, {
        at: "2026-01-01T00:00:00Z",
        commitment: { conditionsTicked: true, committed: true, readingSeconds: 61 },
      }).ok,
    ).toBe(false);
  });

  it("G3: a registration application needs an employer", () => {
    const r = newApplication(sh, { id: "x", personId: "p1", type: "initial", specialty: "1", employerId: null });
    expect(r).toEqual({ ok: false, reason: "须有聘用单位：请先在「基本信息修改」中选择聘用单位" });
    // and only that employer can countersign
    const signed = run(draft(sh), sh, [
      ["save", applicant()],
      ["sign", applicant()],
    ]);
    expect(applyAction(signed, "countersign", employer("e2"), sh, okInput())).toEqual({
      ok: false,
      reason: "只能办理本单位人员的申请",
    });
  });

  it("G5: signing needs all conditions ticked, 60 s of reading and the commitment; declining cancels", () => {
    const app = act(draft(sh), "save", applicant(), sh);
    const sign = (c: { conditionsTicked: boolean; committed: boolean; readingSeconds: number }) =>
      applyAction(app, "sign", applicant(), sh, okInput({ commitment: c }));
    expect(sign({ conditionsTicked: false, committed: true, readingSeconds: 90 })).toEqual({
      ok: false,
      reason: "请逐项阅读并勾选全部审批条件",
    });
    expect(sign({ conditionsTicked: true, committed: true, readingSeconds: 59 })).toEqual({
      ok: false,
      reason: "请阅读个人承诺书满60秒",
    });
    expect(sign({ conditionsTicked: true, committed: false, readingSeconds: 60 })).toEqual({
      ok: false,
      reason: "未作出个人承诺，申报已取消",
    });
    expect(sign({ conditionsTicked: true, committed: true, readingSeconds: 60 }).ok).toBe(true);
  });

  it("G6: with a social-insurance anomaly the applicant must confirm sole employment; reviewers see the flag", () => {
    const app = act(draft(sh, { socialInsuranceAnomaly: true }), "save", applicant(), sh);
    const refused = applyAction(app, "sign", applicant(), sh, okInput());
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason).toContain("社保缴纳情况异常");
    const r = applyAction(app, "sign", applicant(), sh, okInput({ socialInsuranceConfirmed: true }));
    expect(r.ok && r.next.socialInsuranceAnomaly).toBe(true);
  });

  it("G8: the sign button appears only after a save that passed validation", () => {
    const d = draft(sh);
    expect(availableActions(d, applicant(), sh)).toEqual(["save", "delete"]);
    const invalid = act(d, "save", applicant(), sh, { formErrors: [{ field: "employerPhone", message: "必填" }] });
    expect(invalid.savedValid).toBe(false);
    expect(applyAction(invalid, "sign", applicant(), sh, okInput())).toEqual({
      ok: false,
      reason: "请先保存申请表并通过校验，再进行数字签名",
    });
    const valid = act(invalid, "save", applicant(), sh);
    expect(availableActions(valid, applicant(), sh)).toEqual(["save", "sign", "delete"]);
  });

  const title1 =
    "G9: editing after signing voids the signature; in approval the form is locked; the employer sees it " +
    "read-only";
  it(title1, () => {
    const signed = run(draft(sh), sh, [
      ["save", applicant()],
      ["sign", applicant()],
    ]);
    expect(signed.signedAt).not.toBeNull();
    expect(isFormEditable(signed, applicant())).toBe(true);
    expect(isFormEditable(signed, employer())).toBe(false);
    const r = applyAction(signed, "edit_after_sign", applicant(), sh, okInput());
    expect(r.ok && [r.next.status, r.next.signedAt, r.next.savedValid]).toEqual(["draft", null, false]);
    expect(r.ok && r.event.title).toBe("个人修改申请表，原签名文件作废");
    const inApproval = act(signed, "countersign", employer(), sh);
    expect(isFormEditable(inApproval, applicant())).toBe(false);
    expect(availableActions(inApproval, applicant(), sh)).not.toContain("save");
  });
});

describe("flow through the review chain", () => {
  it("T: countersign 上报s to the first level; a two-level chain forwards 省级 → 部级", () => {
    let a = atFirstAuthority(cost1);
    expect([a.status, a.currentLevel, statusLabel(a, cost1)]).toEqual(["pending_acceptance", 1, "省级未受理"]);
    a = act(a, "accept", authority(1), cost1);
    expect(statusLabel(a, cost1)).toBe("省级初审中");
    expect(availableActions(a, authority(1), cost1)).toEqual(["request_correction", "reject", "forward"]);
    a = act(a, "forward", authority(1), cost1);
    expect([a.status, a.currentLevel, statusLabel(a, cost1)]).toEqual(["pending_acceptance", 2, "部级未受理"]);
    expect(applyAction(a, "accept", authority(1), cost1, okInput())).toEqual({
      ok: false,
      reason: "申请不在本级审批机构",
    });
    a = act(a, "accept", authority(2), cost1);
    expect(statusLabel(a, cost1)).toBe("部级审批中");
    expect(availableActions(a, authority(2), cost1)).toEqual(["request_correction", "reject", "publish_notice"]);
    a = act(a, "publish_notice", authority(2), cost1);
    a = act(a, "conclude", authority(2), cost1);
    expect([a.status, statusLabel(a, cost1)]).toEqual(["approved", "已办结（准予注册）"]);
  });

  it("T: a one-level program without notice approves directly at level 1", () => {
    let a = act(atFirstAuthority(sh), "accept", authority(1), sh);
    expect(availableActions(a, authority(1), sh)).toEqual(["request_correction", "reject", "approve"]);
    a = act(a, "approve", authority(1), sh);
    expect(a.status).toBe("approved");
  });

  it("T: MOHURD labels read 个人已上报 → 企业已上报 → 部级未受理", () => {
    const d = act(draft(sd), "save", applicant(), sd);
    const s = applyAction(d, "sign", applicant(), sd, okInput());
    expect(s.ok && [s.event.title, s.event.statusLabel]).toEqual(["个人已上报", "个人已上报"]);
    if (!s.ok) return;
    const c = applyAction(s.next, "countersign", employer(), sd, okInput());
    expect(c.ok && [c.event.title, c.event.statusLabel]).toEqual(["企业已上报", "部级未受理"]);
  });

  it("T1: every state change is an event with actor, time, opinion and plain-language status", () => {
    const a = atFirstAuthority(sh);
    const r = applyAction(
      a,
      "reject",
      authority(1),
      sh,
      okInput({ at: "2026-05-11T09:30:00+08:00", reasons: ["业绩不足三年"] }),
    );
    expect(r.ok && r.event).toEqual({
      applicationId: "a1",
      action: "reject",
      actionLabel: "不予注册",
      title: "不予注册",
      actor: { kind: "authority", level: 1 },
      actorLabel: "上海市二级造价工程师注册管理机构",
      from: "pending_acceptance",
      to: "rejected",
      fromLevel: 1,
      toLevel: 0,
      statusLabel: "不予注册（可修改后重新申报）",
      at: "2026-05-11T09:30:00+08:00",
      opinion: "业绩不足三年",
    });
  });

  it("T2: history shows approved, rejected and withdrawn; current shows the rest", () => {
    expect(APPLICATION_STATUSES.map((s) => [s, historyBucket(s)])).toEqual([
      ["draft", "current"],
      ["signed", "current"],
      ["returned", "current"],
      ["pending_acceptance", "current"],
      ["withdrawal_requested", "current"],
      ["correction_requested", "current"],
      ["under_review", "current"],
      ["publicized", "current"],
      ["approved", "history"],
      ["rejected", "history"],
      ["withdrawn", "history"],
      ["deleted", "hidden"],
    ]);
  });

  it("T: the employer may return the application to the applicant with a reason (退回个人)", () => {
    const signed = run(draft(sh), sh, [
      ["save", applicant()],
      ["sign", applicant()],
    ]);
    expect(applyAction(signed, "employer_return", employer(), sh, okInput({ reasons: [] }))).toEqual({
      ok: false,
      reason: "请填写退回原因",
    });
    const r = act(signed, "employer_return", employer(), sh, { reasons: ["劳动合同未上传"] });
    expect([r.status, r.returnReason, statusLabel(r, sh)]).toEqual([
      "returned",
      "劳动合同未上传",
      "企业已退回，待修改",
    ]);
    expect(act(r, "save", applicant(), sh).status).toBe("draft");
  });

  it("T: an actor the table does not list for the state is refused in plain Chinese", () => {
    const d = draft(sh);
    expect(applyAction(d, "accept", authority(1), sh, okInput())).toEqual({
      ok: false,
      reason: "申请处于「未申报（草稿）」状态，审批机构不能「受理」",
    });
    expect(applyAction(d, "countersign", employer(), sh, okInput()).ok).toBe(false);
    expect(applyAction(d, "save", applicant("someone-else"), sh, okInput())).toEqual({
      ok: false,
      reason: "只能办理本人的申请",
    });
  });
});

describe("program options in the flow", () => {
  it("P: 浙江 issues automatically once the employer has sealed and the system judges the applicant eligible", () => {
    const signed = run(draft(zj), zj, [
      ["save", applicant()],
      ["sign", applicant()],
    ]);
    const auto = act(signed, "countersign", employer(), zj, { systemJudgedEligible: true });
    expect([auto.status, auto.decidedWithoutReview]).toEqual(["approved", true]);
    const manual = act(signed, "countersign", employer(), zj, { systemJudgedEligible: false });
    expect([manual.status, manual.currentLevel]).toEqual(["pending_acceptance", 1]);
    // 上海 has no automatic approval even when eligible
    const shSigned = run(draft(sh), sh, [
      ["save", applicant()],
      ["sign", applicant()],
    ]);
    expect(act(shSigned, "countersign", employer(), sh, { systemJudgedEligible: true }).status).toBe(
      "pending_acceptance",
    );
  });

  it("P: 上海 cancellation completes on the employer's signature, without authority review", () => {
    const app = draft(sh, { type: "cancellation" });
    const signed = run(app, sh, [
      ["save", applicant()],
      ["sign", applicant()],
    ]);
    const r = applyAction(signed, "countersign", employer(), sh, okInput());
    expect(r.ok && [r.next.status, r.event.title, r.event.statusLabel]).toEqual([
      "approved",
      "企业已签名，注销注册办结",
      "已办结（准予注销）",
    ]);
    const zjCancel = run(draft(zj, { type: "cancellation" }), zj, [
      ["save", applicant()],
      ["sign", applicant()],
      ["countersign", employer()],
    ]);
    expect(zjCancel.status).toBe("pending_acceptance");
  });

  it("C4: 上海 has no 变更注册 and says to cancel and register anew", () => {
    expect(newApplication(sh, { id: "x", personId: "p1", type: "change", specialty: "1", employerId: "e2" })).toEqual({
      ok: false,
      reason: "上海市二级造价工程师不设变更注册：更换聘用企业请先办理注销注册，再以新企业申请初始注册。",
    });
  });

  it("K2: a forced cancellation skips the employer and may be filed by the employer", () => {
    const byApplicant = run(draft(sd, { type: "cancellation", forcedCancellation: true }), sd, [
      ["save", applicant()],
      ["sign", applicant()],
    ]);
    expect([byApplicant.status, byApplicant.currentLevel]).toEqual(["pending_acceptance", 1]);
    const byEmployer = run(draft(sd, { type: "cancellation", forcedCancellation: true }), sd, [
      ["save", employer()],
      ["sign", employer()],
    ]);
    expect(byEmployer.status).toBe("pending_acceptance");
    // an ordinary cancellation cannot be filed by the employer
    const ordinary = draft(sd, { type: "cancellation" });
    expect(applyAction(ordinary, "save", employer(), sd, okInput())).toEqual({
      ok: false,
      reason: "只有强制注销可由聘用单位申报",
    });
    expect(
      run(ordinary, sd, [
        ["save", applicant()],
        ["sign", applicant()],
      ]).status,
    ).toBe("signed");
  });

  const title2 =
    "K2: an employer-filed forced cancellation skips the applicant's commitment, and the applicant cannot withdraw " +
    "it";
  it(title2, () => {
    const filed = run(draft(sh, { type: "cancellation", forcedCancellation: true, filedByEmployer: true }), sh, [
      ["save", employer()],
      ["sign", employer(), { commitment: undefined }],
    ]);
    expect([filed.status, filed.currentLevel]).toEqual(["pending_acceptance", 1]);
    expect(availableActions(filed, applicant(), sh)).toEqual([]);
    expect(applyAction(filed, "withdraw", applicant(), sh, okInput())).toEqual({
      ok: false,
      reason: "该强制注销申请由聘用单位申报，申请人不能撤回",
    });
    // the employer has nothing to countersign or return on either kind of forced cancellation
    const byApplicant = run(draft(sh, { type: "cancellation", forcedCancellation: true }), sh, [
      ["save", applicant()],
      ["sign", applicant()],
    ]);
    expect(availableActions(byApplicant, employer(), sh)).toEqual([]);
    expect(availableActions(filed, employer(), sh)).toEqual([]);
    // only a forced cancellation can be filed by an employer
    expect(
      newApplication(sh, {
        id: "x",
        personId: "p1",
        type: "cancellation",
        specialty: "1",
        employerId: "e1",
        filedByEmployer: true,
      }).ok,
    ).toBe(false);
  });

  it("T: the decision button and the timeline name the decision per type", () => {
    const cases = [
      ["extension", "准予延续注册"],
      ["suspension", "准予暂停执业"],
      ["reissue", "准予补办"],
      ["cancellation", "准予注销注册"],
    ] as const;
    for (const [type, label] of cases) {
      const a = act(
        atFirstAuthority(zj, { type, specialty: type === "suspension" ? null : "1" }),
        "accept",
        authority(1),
        zj,
      );
      const r = applyAction(a, "approve", authority(1), zj, okInput());
      expect(r.ok && r.event.title).toBe(label);
    }
  });

  it("N2: a basic information change is decided at the first (初审) level", () => {
    const a = run(draft(cost1, { type: "info_change", specialty: null, infoChangeKind: "basic" }), cost1, [
      ["save", applicant()],
      ["sign", applicant()],
    ]);
    expect([a.status, statusLabel(a, cost1)]).toEqual(["pending_acceptance", "省级未受理"]);
    const accepted = act(a, "accept", authority(1), cost1);
    expect(availableActions(accepted, authority(1), cost1)).toContain("publish_notice");
  });

  it("N3: an important information change is reviewed at the top authority", () => {
    const a = run(draft(cost1, { type: "info_change", specialty: null, infoChangeKind: "important" }), cost1, [
      ["save", applicant()],
      ["sign", applicant()],
    ]);
    expect([a.status, a.currentLevel, statusLabel(a, cost1)]).toEqual(["pending_acceptance", 1, "部级未受理"]);
  });

  it("C1: 香港 applicants file on the 香港地区 route", () => {
    const a = atFirstAuthority(cost1, { type: "change", route: "hk" });
    expect(statusLabel(a, cost1)).toBe("香港地区未受理");
    const r = applyAction(act(a, "accept", authority(1), cost1), "forward", authority(1), cost1, okInput());
    expect(r.ok && r.event.actorLabel).toBe("香港地区（香港测量师学会工料测量组）");
  });
});

describe("W: withdraw, delete, correction, resubmission", () => {
  const title3 =
    "W1: withdraw until the authority accepts; afterwards it is refused; a withdrawn application can be edited and " +
    "filed again";
  it(title3, () => {
    const signed = run(draft(sh), sh, [
      ["save", applicant()],
      ["sign", applicant()],
    ]);
    expect(act(signed, "withdraw", applicant(), sh).status).toBe("withdrawn");
    const pending = act(signed, "countersign", employer(), sh);
    const w = act(pending, "withdraw", applicant(), sh); // 上海: no consent needed
    expect([w.status, w.currentLevel]).toEqual(["withdrawn", 0]);
    expect(availableActions(w, authority(1), sh)).toEqual([]); // the authority no longer sees it
    const accepted = act(pending, "accept", authority(1), sh);
    expect(applyAction(accepted, "withdraw", applicant(), sh, okInput())).toEqual({
      ok: false,
      reason: "申请处于「审查中」状态，申请人不能「撤回」",
    });
    // accepted, asked for correction: still not withdrawable
    const corr = act(accepted, "request_correction", authority(1), sh);
    expect(applyAction(corr, "withdraw", applicant(), sh, okInput())).toEqual({
      ok: false,
      reason: "审批机构已受理，不能撤回",
    });
    const again = run(w, sh, [
      ["resubmit", applicant()],
      ["save", applicant()],
      ["sign", applicant()],
    ]);
    expect(again.status).toBe("signed");
  });

  it("W2: at the authority but not yet accepted, withdrawal needs the employer's consent (MOHURD)", () => {
    const pending = atFirstAuthority(sd);
    const req = act(pending, "withdraw", applicant(), sd);
    expect([req.status, statusLabel(req, sd)]).toEqual(["withdrawal_requested", "部级未受理（撤回待单位同意）"]);
    expect(availableActions(req, employer(), sd)).toEqual(["consent_withdrawal", "decline_withdrawal"]);
    expect(act(req, "consent_withdrawal", employer(), sd).status).toBe("withdrawn");
    expect(act(req, "decline_withdrawal", employer(), sd).status).toBe("pending_acceptance");
    // before it reaches the authority (个人已上报), no consent is needed
    const signed = run(draft(sd), sd, [
      ["save", applicant()],
      ["sign", applicant()],
    ]);
    expect(act(signed, "withdraw", applicant(), sd).status).toBe("withdrawn");
  });

  it("W3: delete only what was never submitted or came back", () => {
    const d = draft(sh);
    expect(act(d, "delete", applicant(), sh).status).toBe("deleted");
    const signed = run(d, sh, [
      ["save", applicant()],
      ["sign", applicant()],
    ]);
    expect(applyAction(signed, "delete", applicant(), sh, okInput()).ok).toBe(false);
    const pending = act(signed, "countersign", employer(), sh);
    expect(applyAction(pending, "delete", applicant(), sh, okInput()).ok).toBe(false);
    const rejected = act(pending, "reject", authority(1), sh);
    expect(act(rejected, "delete", applicant(), sh).status).toBe("deleted");
    const approved = run(pending, sh, [
      ["accept", authority(1)],
      ["approve", authority(1)],
    ]);
    expect(applyAction(approved, "delete", applicant(), sh, okInput()).ok).toBe(false);
  });

  it("W4: correction carries content and reason; answering needs files and makes the 补正 action disappear", () => {
    const pending = atFirstAuthority(sd);
    expect(
      applyAction(
        pending,
        "request_correction",
        authority(1),
        sd,
        okInput({ correction: { content: "", reason: "x" } }),
      ),
    ).toEqual({
      ok: false,
      reason: "请填写补正内容和补正原因",
    });
    const c = act(pending, "request_correction", authority(1), sd);
    expect(c.correction).toEqual({
      content: "补充社保证明",
      reason: "社保缴纳单位与聘用单位不一致",
      from: "pending_acceptance",
    });
    expect(statusLabel(c, sd)).toBe("部级未受理（待补正）");
    expect(availableActions(c, applicant(), sd)).toEqual(["answer_correction", "withdraw"]);
    expect(applyAction(c, "answer_correction", applicant(), sd, okInput({ files: [] }))).toEqual({
      ok: false,
      reason: "请上传补正材料后再提交",
    });
    const answered = act(c, "answer_correction", applicant(), sd);
    expect([answered.status, answered.correction]).toEqual(["pending_acceptance", null]);
    expect(availableActions(answered, applicant(), sd)).toEqual(["withdraw"]);
    // a correction during review returns to review
    const inReview = act(act(pending, "accept", authority(1), sd), "request_correction", authority(1), sd);
    expect(act(inReview, "answer_correction", applicant(), sd).status).toBe("under_review");
  });

  it("W5: a rejected application comes back with reasons and can be corrected and resubmitted", () => {
    const rejected = act(atFirstAuthority(sh), "reject", authority(1), sh, { reasons: ["工作业绩不足"] });
    expect(rejected.rejectionReasons).toEqual(["工作业绩不足"]);
    expect(availableActions(rejected, applicant(), sh)).toEqual(["resubmit", "delete"]);
    expect(applyAction(atFirstAuthority(sh), "reject", authority(1), sh, okInput({ reasons: [] }))).toEqual({
      ok: false,
      reason: "不予注册须写明理由",
    });
    const again = run(rejected, sh, [
      ["resubmit", applicant()],
      ["save", applicant()],
      ["sign", applicant()],
      ["countersign", employer()],
    ]);
    expect([again.status, again.currentLevel, again.rejectionReasons]).toEqual([
      "pending_acceptance",
      1,
      ["工作业绩不足"],
    ]);
  });

  const title4 =
    "W6: 公示期满办结 is refused for an application never listed in a published notice, and before the notice's last day " +
    "has passed, naming the date";
  it(title4, () => {
    const published = run(atFirstAuthority(sd), sd, [
      ["accept", authority(1)],
      ["publish_notice", authority(1)],
    ]);
    const conclude = (noticePeriod: { endsOn: string | null; today: string }) =>
      applyAction(published, "conclude", authority(1), sd, okInput({ noticePeriod }));
    const unlisted = conclude({ endsOn: null, today: "2026-05-10" });
    expect(unlisted.ok).toBe(false);
    if (!unlisted.ok) expect(unlisted.reason).toContain("尚未列入已发布的公示");
    const early = conclude({ endsOn: "2026-05-17", today: "2026-05-10" });
    expect(early).toEqual({
      ok: false,
      reason: "公示期至2026-05-17，公示期满前不能办结。请于2026-05-18起办理公示期满办结。",
    });
    expect(conclude({ endsOn: "2026-05-17", today: "2026-05-17" }).ok).toBe(false); // the last day is still 公示期
    expect(conclude({ endsOn: "2026-05-17", today: "2026-05-18" }).ok).toBe(true);
    // the automatic conclusion obeys the same rule
    expect(
      applyAction(
        published,
        "conclude",
        system,
        sd,
        okInput({ noticePeriod: { endsOn: "2026-05-17", today: "2026-05-10" } }),
      ).ok,
    ).toBe(false);
    expect(applyAction(published, "conclude", system, sd, okInput({ noticePeriod: undefined })).ok).toBe(false);
  });

  it("W6: during 公示 the applicant sees 不合格原因 and can correct", () => {
    const review = run(atFirstAuthority(sd), sd, [["accept", authority(1)]]);
    const failed = act(review, "publish_notice", authority(1), sd, {
      noticeOutcome: "fail",
      reasons: ["社保缴纳单位不一致"],
    });
    expect([failed.status, failed.notice, statusLabel(failed, sd)]).toEqual([
      "publicized",
      { outcome: "fail", reasons: ["社保缴纳单位不一致"] },
      "公示中（不合格，可补正）",
    ]);
    expect(availableActions(failed, applicant(), sd)).toEqual(["correct_during_notice"]);
    const corrected = act(failed, "correct_during_notice", applicant(), sd);
    expect([corrected.status, corrected.currentLevel]).toEqual(["under_review", 1]);
    // a passed notice offers no correction; the system concludes it
    const passed = act(review, "publish_notice", authority(1), sd, { noticeOutcome: "pass" });
    expect(availableActions(passed, applicant(), sd)).toEqual([]);
    expect(act(passed, "conclude", system, sd).status).toBe("approved");
    // concluding a failed notice rejects with the published reasons
    const concluded: Application = act(failed, "conclude", system, sd);
    expect([concluded.status, concluded.rejectionReasons]).toEqual(["rejected", ["社保缴纳单位不一致"]]);
  });
});
