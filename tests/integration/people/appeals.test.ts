import { and, eq, ne } from "drizzle-orm";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import { pendingAppeals } from "@/lib/queries/appeals";
import { decideAppeal } from "@/lib/services/appeals/decide-appeal";
import { fileAppeal } from "@/lib/services/appeals/file-appeal";
import { detectDuplicateRegistrations } from "@/lib/services/people/detect-duplicate-registrations";
import { flagAnomaly } from "@/lib/services/people/flag-anomaly";
import { freshApplicant } from "../engine/fixtures";
import { reviewer } from "../support/actors";
import { testDb } from "../support/db";

const SH = { programCode: "cost2-sh", specialty: "1", employerUscc: "91310000MA1FL0001R", provinceCode: "31" };
let db: Database;
beforeAll(() => {
  db = testDb();
});

const scan = () =>
  sharp({ create: { width: 600, height: 800, channels: 3, background: "#eeeeee" } })
    .jpeg()
    .toBuffer();
const proof = async () => ({
  fileName: "社保缴费证明.jpg",
  bytes: new Uint8Array(await scan()),
  programCode: "cost2-sh",
});
const flagOf = async (personId: string) =>
  (await db.select().from(s.people).where(eq(s.people.id, personId)))[0]!.socialInsuranceAnomaly;
const idNumberOf = async (personId: string) =>
  (await db.select().from(s.people).where(eq(s.people.id, personId)))[0]!.idNumber;
const stepsOf = async (anomalyId: string) =>
  (
    await db
      .select()
      .from(s.personAnomalyEvents)
      .where(eq(s.personAnomalyEvents.anomalyId, anomalyId))
      .orderBy(s.personAnomalyEvents.id)
  ).map((e) => e.action);
const messageTitles = async (personId: string) => {
  const [acc] = await db
    .select()
    .from(s.userAccounts)
    .where(and(eq(s.userAccounts.role, "applicant"), eq(s.userAccounts.personId, personId)));
  return (await db.select().from(s.messages).where(eq(s.messages.recipientUserId, acc!.id))).map((m) => m.title);
};

describe("我的申辩: anomalies, appeals and decisions", () => {
  const title1 =
    "T3/G6: a reviewer's 社保异常 flag turns on the 社保确认 step; an accepted appeal clears it, with every step on the " +
    "timeline and in 我的消息";
  it(title1, async () => {
    const me = await freshApplicant(db, SH);
    const rv = await reviewer(db, "sh_reviewer");
    const { anomalyId } = await flagAnomaly(db, rv, {
      idNumber: await idNumberOf(me.personId!),
      kind: "social_insurance",
      reason: "社保缴纳单位与聘用单位不一致",
    });
    expect(await flagOf(me.personId!)).toBe(true);
    await expect(
      flagAnomaly(db, rv, { idNumber: await idNumberOf(me.personId!), kind: "social_insurance", reason: "再次标记" }),
    ).rejects.toMatchObject({ kind: "refused" });

    const { appealId } = await fileAppeal(db, me, {
      anomalyId,
      statement: "本人社保一直由本单位缴纳，附缴费证明。",
      proof: await proof(),
    });
    await expect(fileAppeal(db, me, { anomalyId, statement: "再次申辩", proof: await proof() })).rejects.toMatchObject({
      kind: "refused",
    });
    const [appeal] = await db.select().from(s.appeals).where(eq(s.appeals.id, appealId));
    const [file] = await db.select().from(s.files).where(eq(s.files.id, appeal!.proofFileId!));
    expect(file).toMatchObject({ ownerPersonId: me.personId, state: "kept" });

    await decideAppeal(db, rv, { appealId, decision: "accepted", reply: "经核实，社保缴纳正常。" });
    expect(await flagOf(me.personId!)).toBe(false);
    const [anomaly] = await db.select().from(s.personAnomalies).where(eq(s.personAnomalies.id, anomalyId));
    expect(anomaly!.status).toBe("cleared");
    expect(await stepsOf(anomalyId)).toEqual(["flagged", "appealed", "accepted"]);
    expect(await messageTitles(me.personId!)).toEqual(
      expect.arrayContaining(["您被标记为社保异常", "您的社保异常申辩已提交", "您的社保异常申辩已被采纳，异常已解除"]),
    );
    // The decision is final: a second reviewer deciding the same appeal is told to refresh.
    await expect(decideAppeal(db, rv, { appealId, decision: "dismissed", reply: "x" })).rejects.toMatchObject({
      kind: "conflict",
    });
  });

  it("T3/G6: a dismissed appeal keeps the flag and the 社保确认 step; another person cannot appeal it", async () => {
    const me = await freshApplicant(db, SH);
    const other = await freshApplicant(db, SH);
    const rv = await reviewer(db, "sh_reviewer");
    const { anomalyId } = await flagAnomaly(db, rv, {
      idNumber: await idNumberOf(me.personId!),
      kind: "social_insurance",
      reason: "社保缴纳异常",
    });
    await expect(
      fileAppeal(db, other, { anomalyId, statement: "不是我的", proof: await proof() }),
    ).rejects.toMatchObject({ kind: "not_found" });
    const { appealId } = await fileAppeal(db, me, { anomalyId, statement: "情况说明", proof: await proof() });
    await decideAppeal(db, rv, { appealId, decision: "dismissed", reply: "证明材料不足。" });
    expect(await flagOf(me.personId!)).toBe(true);
    expect(await stepsOf(anomalyId)).toEqual(["flagged", "appealed", "dismissed"]);
    // Dismissed: the person may appeal again with better proof.
    await expect(fileAppeal(db, me, { anomalyId, statement: "补充证明", proof: await proof() })).resolves.toMatchObject(
      { appealId: expect.any(String) },
    );
  });

  const title2 =
    "T3: another province's authority can neither flag the person nor decide the appeal, nor sees it " + "waiting";
  it(title2, async () => {
    const me = await freshApplicant(db, SH);
    const sh = await reviewer(db, "sh_reviewer");
    const zj = await reviewer(db, "zj_reviewer");
    const idNumber = await idNumberOf(me.personId!);
    await expect(flagAnomaly(db, zj, { idNumber, kind: "social_insurance", reason: "越权标记" })).rejects.toMatchObject(
      { kind: "invalid" },
    );
    const { anomalyId } = await flagAnomaly(db, sh, { idNumber, kind: "social_insurance", reason: "社保缴纳异常" });
    const { appealId } = await fileAppeal(db, me, { anomalyId, statement: "情况说明", proof: await proof() });
    await expect(decideAppeal(db, zj, { appealId, decision: "accepted", reply: "越权采纳" })).rejects.toMatchObject({
      kind: "not_found",
    });
    expect((await pendingAppeals(db, zj.authorityId!)).map((a) => a.id)).not.toContain(appealId);
    expect((await pendingAppeals(db, sh.authorityId!)).map((a) => a.id)).toContain(appealId);
    expect(await flagOf(me.personId!)).toBe(true);
  });

  it("T3: 人员查重 flags a person registered with two employers automatically, once", async () => {
    const me = await freshApplicant(db, SH);
    const [own] = await db.select().from(s.employers).where(eq(s.employers.uscc, SH.employerUscc));
    const [second] = await db.select().from(s.employers).where(ne(s.employers.uscc, SH.employerUscc)).limit(1);
    const [auth] = await db.select().from(s.authorities).limit(1);
    const reg = (e: typeof own, specialty: string) => ({
      personId: me.personId!,
      programCode: "cost2-sh",
      specialtyCode: specialty,
      registrationNo: `查重${Date.now()}${Math.random()}`.slice(0, 40),
      sealNo: "S-TEST",
      employerId: e!.id,
      employerName: e!.name,
      issuingAuthorityId: auth!.id,
      validFrom: "2025-01-01",
      validTo: "2029-01-01",
      status: "active" as const,
    });
    await db.insert(s.registrations).values([reg(own, "1"), reg(second, "2")]);
    await detectDuplicateRegistrations(db);
    await detectDuplicateRegistrations(db);
    const flags = await db.select().from(s.personAnomalies).where(eq(s.personAnomalies.personId, me.personId!));
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ kind: "duplicate_registration", source: "automatic", status: "open" });
    expect(await flagOf(me.personId!)).toBe(true);
    expect(await messageTitles(me.personId!)).toContain("您被标记为人员查重异常");
  });
});
