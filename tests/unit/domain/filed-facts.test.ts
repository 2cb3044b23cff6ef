import { describe, expect, it } from "vitest";
import {
  PROGRAMS,
  checkOption,
  deriveChangeScope,
  filedFieldValues,
  outcomeLines,
  type FiledFacts,
  type PersonSnapshot,
} from "@/lib/domain";

const cost1 = PROGRAMS.cost1;

const facts: FiledFacts = {
  capturedAt: "2026-11-30T00:00:00.000Z",
  identity: {
    name: "王堃",
    gender: "male",
    birthDate: "1988-03-15",
    idType: "resident_id",
    idNumber: "310101198803150012",
    phone: "13800000001",
  },
  employer: { id: "e2", name: "浙江华诚工程管理有限公司", uscc: "91330100MA2CD0002J", provinceCode: "33" },
  registration: {
    id: "r1",
    registrationNumber: "建[造]11263133000001",
    sealNumber: "建[造]11263133000001-01",
    validFrom: "2026-01-01",
    validUntil: "2029-12-31",
    employerName: "上海建科造价咨询有限公司",
    employerUscc: "91310000MA1FL0001R",
    employerProvinceCode: "31",
  },
  registeredSpecialties: ["土木建筑工程"],
  changeScope: "cross_province",
};

describe("what was filed stays as filed", () => {
  it("C1: the change scope follows the old and new employers' provinces; the 香港 route files 机构内变更", () => {
    expect(deriveChangeScope(cost1, "default", "31", "31")).toEqual({ scope: "within_province", allowed: true });
    expect(deriveChangeScope(cost1, "default", "31", "33")).toEqual({ scope: "cross_province", allowed: true });
    expect(deriveChangeScope(cost1, "hk", "81", "33")).toEqual({ scope: "within_institution", allowed: true });
    expect(deriveChangeScope({ changeScopes: ["within_province"] }, "default", "31", "33")).toEqual({
      scope: "cross_province",
      allowed: false,
    });
  });

  const title1 =
    "C2: the change form's old employer, seal and validity come from the filed registration, the new employer from " +
    "the pick";
  it(title1, () => {
    const v = filedFieldValues("change", facts);
    expect(v.previousEmployerName).toBe("上海建科造价咨询有限公司");
    expect(v.previousSealNumber).toBe("建[造]11263133000001-01");
    expect(v.previousValidUntil).toBe("2029-12-31");
    expect(v.employerName).toBe("浙江华诚工程管理有限公司");
    expect(v.scope).toBe("跨省或跨部门变更");
    expect(v.idType).toBe("居民身份证");
  });

  it("A1, A2: 增项注册 shows the registration's number and employer", () => {
    const v = filedFieldValues("add_specialty", { ...facts, changeScope: null });
    expect(v.employerName).toBe("上海建科造价咨询有限公司");
    expect(v.registrationNumber).toBe("建[造]11263133000001");
    expect(v.registeredSpecialties).toBe("土木建筑工程");
  });

  it("S1: the outcome lists issued, cancelled and voided numbers", () => {
    const lines = outcomeLines({
      decidedOn: "2026-11-30",
      issued: [
        {
          registrationNumber: "建[造]11263133000002",
          sealNumber: "建[造]11263133000002-01",
          validFrom: "2026-01-01",
          validUntil: "2029-12-31",
        },
      ],
      voided: ["建[造]11263133000001", "建[造]11263133000001-01"],
      cancelled: [],
      summary: "",
    });
    expect(lines).toEqual([
      "核发注册证书编号 建[造]11263133000002，执业印章号 建[造]11263133000002-01，有效期 2026-01-01 至 2029-12-31",
      "作废编号 建[造]11263133000001、建[造]11263133000001-01",
    ]);
  });

  it("C2: before the new employer is picked the change is offered; once picked it must differ from the old", () => {
    const p: PersonSnapshot = {
      personId: "p1",
      birthDate: "1988-03-15",
      qualifications: [],
      registrations: [
        {
          id: "r1",
          personId: "p1",
          programCode: "cost1",
          specialty: "1",
          registrationNumber: "x",
          sealNumber: "x-01",
          sealSequence: 1,
          employerId: "e1",
          employerProvinceCode: "31",
          status: "active",
          validFrom: "2025-01-01",
          validUntil: "2028-12-31",
        },
      ],
      applications: [],
      ceRecords: [],
      photoOnFile: true,
      signatureOnFile: true,
      employer: {
        id: "e1",
        name: "上海建科造价咨询有限公司",
        kind: "cost_consulting",
        provinceCode: "31",
        verified: true,
      },
      socialInsuranceAnomaly: false,
    };
    expect(checkOption({ ...p, newEmployerPending: true }, cost1, "change", "1", "2026-11-30").allowed).toBe(true);
    expect(
      checkOption({ ...p, newEmployerPending: false }, cost1, "change", "1", "2026-11-30").reasons.map((r) => r.rule),
    ).toEqual(["C2"]);
  });
});
