import { describe, expect, it } from "vitest";
import {
  ACCEPTANCE_NUMBER_PATTERN,
  CLAIM_STATUS_LABELS,
  PROGRAMS,
  acceptanceNumber,
  certificateFields,
  effectsOfApproval,
  employerRename,
  extendedValidUntil,
  initialValidUntil,
  needsNewNumber,
  nextClaimStatus,
  parseRegistrationNumber,
  registrationNumber,
  sealNumber,
  type Application,
  type ApprovalContext,
} from "@/lib/domain";
import { draft, reg } from "./fixtures";

const sh = PROGRAMS["cost2-sh"];
const cost1 = PROGRAMS.cost1;
const sd = PROGRAMS["survey-design"];
const approved = (a: Application): Application => ({ ...a, status: "approved" });
const ctx = (over: Partial<ApprovalContext> = {}): ApprovalContext => ({
  decisionDate: "2026-07-10",
  birthDate: "1980-03-15",
  registrations: [reg()],
  employer: { id: "e1", provinceCode: "31" },
  formData: {},
  ...over,
});

describe("R: numbers", () => {
  it("R1: cost-engineer numbers are 建[造] + level + specialty + yy + province + authority + serial(6)", () => {
    const R1 = /^建\[造\][12][1-4]\d{12}$/;
    const table: Array<[string, string, string | undefined, number, string]> = [
      ["cost2-sh", "1", undefined, 1, "建[造]21263101000001"],
      ["cost2-zj", "4", undefined, 123456, "建[造]24263301123456"],
      ["cost1", "3", "44", 42, "建[造]13264400000042"],
    ];
    for (const [code, specialty, provinceCode, serial, expected] of table) {
      const n = registrationNumber(PROGRAMS[code as keyof typeof PROGRAMS], {
        specialty,
        decisionDate: "2026-07-10",
        provinceCode,
        serial,
      });
      expect(n).toBe(expected);
      expect(n).toMatch(R1);
    }
    expect(parseRegistrationNumber(cost1, "建[造]13264400000042")).toEqual({
      levelDigit: "1",
      specialtyDigits: "3",
      year: "26",
      provinceCode: "44",
      authorityCode: "00",
      serial: 42,
    });
    expect(() => registrationNumber(sh, { specialty: "1", decisionDate: "2026-07-10", serial: 0 })).toThrow();
    expect(() => registrationNumber(cost1, { specialty: "1", decisionDate: "2026-07-10", serial: 1 })).toThrow(
      /province/,
    );
  });

  it("R1: distinct serials give distinct numbers (duplicates impossible); 建筑师/勘察设计 use documented formats", () => {
    const numbers = new Set(
      Array.from({ length: 500 }, (_, i) =>
        registrationNumber(sh, { specialty: "1", decisionDate: "2026-01-01", serial: i + 1 }),
      ),
    );
    expect(numbers.size).toBe(500);
    expect(
      registrationNumber(PROGRAMS.architect1, {
        specialty: "architecture",
        decisionDate: "2026-01-01",
        provinceCode: "11",
        serial: 7,
      }),
    ).toBe("建[筑]1261100000007");
    expect(
      registrationNumber(sd, { specialty: "geotechnical", decisionDate: "2026-01-01", provinceCode: "11", serial: 7 }),
    ).toBe("建[勘]21261100000007");
    expect(
      registrationNumber(sd, { specialty: "geotechnical", decisionDate: "2026-01-01", provinceCode: "11", serial: 7 }),
    ).toMatch(/^建\[勘\]\d{14}$/);
  });

  it("R2: acceptance numbers are W + yyyyMM + office code + serial", () => {
    expect(acceptanceNumber(sh, "2021-10-09", 1)).toBe("W2021100330001");
    expect(acceptanceNumber(sh, "2021-12-02", 1)).toBe("W2021120330001");
    expect(acceptanceNumber(PROGRAMS["cost2-zj"], "2026-03-31", 12)).toMatch(ACCEPTANCE_NUMBER_PATTERN);
  });

  it("R3: the e-certificate carries the listed fields, and is claimed 未领证 → 生成中 → 可下载", () => {
    const fields = certificateFields(
      sh,
      { name: "张三", gender: "男", birthDate: "1980-03-15", signatureFileId: "sig1" },
      reg(),
      "上海建和工程咨询有限公司",
      "2022-07-20",
      null,
    );
    expect(fields.map(([k]) => k)).toEqual([
      "姓名",
      "性别",
      "出生日期",
      "注册编号",
      "聘用企业",
      "注册专业",
      "有效期至",
      "发证机关",
      "个人签名",
      "签发日期",
      "签名日期",
    ]);
    expect(Object.fromEntries(fields)).toMatchObject({
      注册专业: "土木建筑工程",
      有效期至: "2026-07-19",
      发证机关: "上海市住房和城乡建设管理委员会",
    });
    expect([nextClaimStatus("unclaimed"), nextClaimStatus("generating")].map((s) => CLAIM_STATUS_LABELS[s])).toEqual([
      "生成中",
      "可下载",
    ]);
  });

  const title1 =
    "R4: an employer rename is blocked while staff applications are unfinished; otherwise certificates are " +
    "re-claimed";
  it(title1, () => {
    const apps = [
      { id: "a1", employerId: "e1", status: "under_review" as const },
      { id: "a2", employerId: "e1", status: "approved" as const },
    ];
    expect(employerRename("e1", apps, [reg()])).toEqual({
      ok: false,
      reason: "本单位尚有 1 项注册申请未办结，办结后才能变更企业名称",
      blocking: ["a1"],
    });
    expect(employerRename("e1", [apps[1]!], [reg(), reg({ id: "r2", status: "cancelled" })])).toEqual({
      ok: true,
      reissue: ["r1"],
    });
  });
});

describe("effects of approval", () => {
  it("P: initial validity = decision date + N years − 1 day, capped at the 70th birthday where set", () => {
    expect(initialValidUntil(sh, "2026-07-10", "1980-03-15")).toBe("2030-07-09");
    // 3 years would pass the 70th birthday
    expect(initialValidUntil(sd, "2026-07-10", "1958-01-20")).toBe("2028-01-20");
    expect(initialValidUntil(sh, "2026-07-10", "1958-01-20")).toBe("2030-07-09"); // no cap on 上海
  });

  it("R1: initial approval creates a registration with a fresh number and seal", () => {
    const app = approved(draft(sh, { specialty: "4" }));
    expect(needsNewNumber(app, {})).toBe(true);
    const r = effectsOfApproval(app, sh, ctx({ serial: 17 }));
    expect(r.ok && r.effects.createRegistration).toEqual({
      personId: "p1",
      programCode: "cost2-sh",
      specialty: "4",
      registrationNumber: "建[造]24263101000017",
      sealNumber: "建[造]24263101000017-01",
      sealSequence: 1,
      employerId: "e1",
      employerProvinceCode: "31",
      status: "active",
      validFrom: "2026-07-10",
      validUntil: "2030-07-09",
    });
    expect(effectsOfApproval(approved(draft(sh)), sh, ctx({ serial: 18 }))).toEqual({
      ok: false,
      reason: "该专业已有有效注册 建[造]21223101000001",
    });
    expect(effectsOfApproval(draft(sh), sh, ctx())).toEqual({ ok: false, reason: "申请尚未准予，不能生效" });
  });

  it("P: 香港 route numbers carry province code 81", () => {
    const app = approved(draft(cost1, { route: "hk", specialty: "1" }));
    const r = effectsOfApproval(app, cost1, ctx({ registrations: [], serial: 5 }));
    expect(r.ok && r.effects.createRegistration?.registrationNumber).toBe("建[造]11268100000005");
  });

  it("X4: on extension the new expiry = old expiry + validity period", () => {
    expect(extendedValidUntil(sh, "2026-07-19", "1980-03-15")).toBe("2030-07-19");
    const r = effectsOfApproval(approved(draft(sh, { type: "extension" })), sh, ctx());
    expect(r.ok && r.effects.updateRegistrations).toEqual([
      { registrationId: "r1", changes: { validFrom: "2026-07-20", validUntil: "2030-07-19" } },
    ]);
    expect(needsNewNumber({ type: "extension" }, {})).toBe(false);
  });

  it("C3: change records the new employer, issues a new seal number, validity unchanged", () => {
    const old = reg({
      programCode: "cost1",
      employerProvinceCode: "11",
      sealNumber: "建[造]11221101000001-01",
      registrationNumber: "建[造]11221101000001",
    });
    const r = effectsOfApproval(
      approved(draft(cost1, { type: "change", employerId: "e2" })),
      cost1,
      ctx({ registrations: [old], employer: { id: "e2", provinceCode: "44" } }),
    );
    expect(r.ok && r.effects.updateRegistrations).toEqual([
      {
        registrationId: "r1",
        changes: {
          employerId: "e2",
          employerProvinceCode: "44",
          sealSequence: 2,
          sealNumber: "建[造]11221101000001-02",
        },
      },
    ]);
    expect(r.ok && r.effects.voidedNumbers).toEqual(["建[造]11221101000001-01"]);
  });

  it("K3: cancellation cancels the certificate and leaves the qualification alone", () => {
    const r = effectsOfApproval(approved(draft(sh, { type: "cancellation" })), sh, ctx());
    expect(r.ok && r.effects).toEqual({
      updateRegistrations: [{ registrationId: "r1", changes: { status: "cancelled" } }],
      voidedNumbers: [],
      summary: "注册证书 建[造]21223101000001 已注销，执业资格保留",
    });
  });

  it("S1: seal lost → old numbers void and new ones issued; certificate lost → same number", () => {
    const app = approved(draft(sh, { type: "reissue" }));
    expect(needsNewNumber(app, { reason: "seal_lost" })).toBe(true);
    expect(needsNewNumber(app, { reason: "certificate_lost" })).toBe(false);
    const sealLost = effectsOfApproval(app, sh, ctx({ formData: { reason: "seal_lost" }, serial: 99 }));
    expect(sealLost.ok && sealLost.effects.updateRegistrations[0]?.changes).toEqual({
      registrationNumber: "建[造]21263101000099",
      sealNumber: "建[造]21263101000099-01",
      sealSequence: 1,
      certificateReissuedOn: "2026-07-10",
    });
    expect(sealLost.ok && sealLost.effects.voidedNumbers).toEqual(["建[造]21223101000001", "建[造]21223101000001-01"]);
    const certLost = effectsOfApproval(app, sh, ctx({ formData: { reason: "certificate_lost" } }));
    expect(certLost.ok && certLost.effects.updateRegistrations).toEqual([
      { registrationId: "r1", changes: { certificateReissuedOn: "2026-07-10" } },
    ]);
    expect(certLost.ok && certLost.effects.voidedNumbers).toEqual([]);
  });

  it("S2: a reissue without 更改/补办原因 cannot take effect", () => {
    expect(effectsOfApproval(approved(draft(sh, { type: "reissue" })), sh, ctx())).toEqual({
      ok: false,
      reason: "请选择更改/补办原因",
    });
  });

  it("U1: approval suspends or resumes practice", () => {
    const s = effectsOfApproval(
      approved(draft(sh, { type: "suspension", specialty: null })),
      sh,
      ctx({ registrations: [reg(), reg({ id: "r2", specialty: "4" })] }),
    );
    expect(s.ok && s.effects.updateRegistrations).toEqual([
      { registrationId: "r1", changes: { status: "suspended" } },
      { registrationId: "r2", changes: { status: "suspended" } },
    ]);
    const r = effectsOfApproval(
      approved(draft(sh, { type: "resumption", specialty: null })),
      sh,
      ctx({ registrations: [reg({ status: "suspended" })] }),
    );
    expect(r.ok && r.effects.updateRegistrations).toEqual([{ registrationId: "r1", changes: { status: "active" } }]);
  });

  it("N3: an approved important information change updates the person's record", () => {
    const app = approved(draft(cost1, { type: "info_change", specialty: null, infoChangeKind: "important" }));
    const r = effectsOfApproval(
      app,
      cost1,
      ctx({
        formData: { newName: " 李四 ", newIdNumber: "310101198003150011", reason: "户籍更名", education: "博士" },
      }),
    );
    expect(r.ok && r.effects.updatePerson).toEqual({ name: "李四", idNumber: "310101198003150011" });
    const basic = effectsOfApproval(
      { ...app, infoChangeKind: "basic" },
      cost1,
      ctx({ formData: { education: "硕士研究生", newName: "x" } }),
    );
    expect(basic.ok && basic.effects.updatePerson).toEqual({ education: "硕士研究生" });
  });

  it("R1: seal numbers bump their sequence", () => {
    expect(sealNumber("建[造]21263101000001", 3)).toBe("建[造]21263101000001-03");
  });
});
