import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import type { ActionResult } from "@/lib/action-result";
import type { CurrentUser } from "@/lib/server/auth";
import { UNEXPECTED } from "@/app/_lib/action-pipeline";
import { fileForcedCancellationAction } from "@/app/employer/forced-cancellation/actions";
import type { Actor } from "@/lib/services/actor";
import { createApplication } from "@/lib/services/applications/create-application";
import { saveApplication } from "@/lib/services/applications/save-application";
import { ServiceError } from "@/lib/services/errors";
import { uploadFile } from "@/lib/services/files/upload-file";
import { addWorkExperience } from "@/lib/services/records/personal-records";
import { testDb } from "../support/db";
import { freshApplicant, givePhotoAndSignature, initialForm } from "../engine/fixtures";

/**
 * Issue 9 item 7: hostile input never gets a 500. Each save action is called as the browser calls it — the exported
 * server action, through the real pipeline (session → schema → service) against the test database — with only the
 * request's session, headers and cache revalidation stubbed, as they exist only inside a Next.js request.
 */
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/server/auth", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/lib/server/request-context", () => ({ requestContext: async () => ({ ip: "127.0.0.1" }) }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { saveForm } = await import("@/app/applicant/applications/actions");
const { saveRecord } = await import("@/app/applicant/records/actions");
const { saveContactDetails } = await import("@/app/applicant/profile/edit/actions");

const SH = { programCode: "cost2-sh", specialty: "1", employerUscc: "91310000MA1FL0001R", provinceCode: "31" };
const RUNS = 1000;

// --- hostile values -----------------------------------------------------------------------------------------
const NUL_OR_SURROGATE = fc.constantFrom(
  "\u0000",
  "\uD800",
  "\uDBFF",
  "\uDC00",
  "\uDFFF",
  "\uDFFF\uD800",
  "x\u0000\u0000",
);
/** Text that contains at least one NUL or lone surrogate, anywhere, around arbitrary (also binary) text. */
const hostileText = fc
  .tuple(fc.string({ maxLength: 30, unit: "binary" }), NUL_OR_SURROGATE, fc.string({ maxLength: 30, unit: "grapheme" }))
  .map(([a, h, b]) => a + h + b);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Never an id: 36-character look-alikes (the old regex let these through to PostgreSQL), SQL, other types. */
const badId = fc.oneof(
  fc.stringMatching(/^[0-9a-f-]{36}$/).filter((x) => !GUID.test(x)),
  fc.string({ minLength: 36, maxLength: 36, unit: "binary" }).filter((x) => !GUID.test(x)),
  fc.constantFrom("' OR 1=1 --", "------------------------------------", "00000000-0000-0000-0000-00000000000g", ""),
  fc.integer(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.object({ maxDepth: 1 }),
);
/** Never a version: negative, fractional, text, other types. */
const badVersion = fc.oneof(
  fc.integer({ max: -1 }),
  fc.double({ noInteger: true }),
  fc.string(),
  fc.constant(null),
  fc.object({ maxDepth: 1 }),
);
const notAnObject = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.anything(), { maxLength: 3 }));

/** The result of a refused input: a plain-Chinese message (ASVS V5.1.3), never a thrown error or the 500 fallback. */
function expectRefused(res: ActionResult<object>) {
  expect(res.ok).toBe(false);
  if (res.ok) return;
  expect(res.error).not.toBe(UNEXPECTED);
  expect(res.error).toMatch(/[\u4e00-\u9fff]/);
}

async function signIn(db: Database, actor: Actor) {
  const [a] = await db.select().from(s.userAccounts).where(eq(s.userAccounts.id, actor.userId));
  session.user = {
    id: a!.id,
    role: "applicant",
    name: a!.displayName,
    personId: a!.personId,
    employerId: null,
    locale: "zh-CN",
    authorityId: null,
  };
}

let db: Database;
beforeAll(() => {
  db = testDb();
});

describe("issue 9 item 7: hostile input through each save action's pipeline", () => {
  const title1 =
    `V5.1.3 V5.1.4 V5.2.2 保存 (saveForm): ${RUNS} hostile inputs are refused with a message; the saved draft is ` +
    `unchanged`;
  it(title1, async () => {
    const me = await freshApplicant(db, SH);
    await signIn(db, me);
    await givePhotoAndSignature(db, me.personId!);
    const { applicationId } = await createApplication(db, me, {
      programCode: SH.programCode,
      type: "initial",
      specialtyCode: SH.specialty,
    });
    const saved = await saveApplication(db, me, { applicationId, version: 0, formData: initialForm(SH.specialty) });
    const before = await draft(applicationId);
    const valid = {
      applicationId,
      version: saved.application.version,
      values: { employerPhone: "021-63210001" },
      attachments: {},
    };

    const hostile = fc.oneof(
      badId.map((id) => ({ ...valid, applicationId: id })),
      badVersion.map((v) => ({ ...valid, version: v })),
      hostileText.map((t) => ({ ...valid, values: { employerPhone: t } })),
      hostileText.map((t) => ({ ...valid, values: { workExperience: [{ from: "2018-05-01", organisation: t }] } })),
      hostileText.map((t) => ({ ...valid, values: { [t]: "x" } })),
      // Too long even after trimming: ends that are not space.
      fc.string({ minLength: 2001, maxLength: 2100 }).map((t) => ({ ...valid, values: { employerPhone: `1${t}1` } })),
      badId.map((id) => ({ ...valid, attachments: { application_form: id } })),
      notAnObject.map((v) => ({ ...valid, values: v })),
      notAnObject,
    );
    await fc.assert(
      fc.asyncProperty(hostile, async (input) => {
        expectRefused(await saveForm(input as never));
      }),
      { numRuns: RUNS },
    );
    expect(await draft(applicationId)).toEqual(before);
  });

  const title2 =
    `V5.1.3 V5.1.4 V5.2.2 工作经历 (saveRecord): ${RUNS} hostile inputs, unknown record kinds included, change ` +
    `nothing`;
  it(title2, async () => {
    const me = await freshApplicant(db, SH);
    await signIn(db, me);
    const values = {
      startDate: "2016-07-01",
      endDate: "",
      organization: "上海建科造价咨询有限公司",
      position: "造价员",
    };
    const { id } = await addWorkExperience(db, me, values as never);
    const before = await workRows(me.personId!);

    const hostile = fc.oneof(
      fc
        .string()
        .filter((k) => !["work", "achievement", "ce"].includes(k))
        .map((k) => [k, id, values]),
      badId.filter((x) => x !== null).map((bad) => ["work", bad, values]),
      hostileText.map((t) => ["work", id, { ...values, organization: t }]),
      hostileText.map((t) => ["work", id, { ...values, [t]: "x" }]),
      notAnObject.map((v) => ["work", id, v]),
    );
    await fc.assert(
      fc.asyncProperty(hostile, async ([kind, rid, v]) => {
        expectRefused(await saveRecord(kind as never, rid as never, v as never));
      }),
      { numRuns: RUNS },
    );
    expect(await workRows(me.personId!)).toEqual(before);
  });

  it(`V5.1.3 V5.1.4 基本信息修改 (saveContactDetails): ${RUNS} hostile inputs change neither phone nor address`, async () => {
    const me = await freshApplicant(db, SH);
    await signIn(db, me);
    const before = await contact(me.personId!);

    const hostile = fc.oneof(
      hostileText.map((t) => ({ phone: "13800000001", address: t })),
      hostileText.map((t) => ({ phone: t, address: "上海市" })),
      // Too long even after trimming (a run of spaces alone trims to a valid empty address): ends that are not space.
      fc.string({ minLength: 201, maxLength: 260 }).map((t) => ({ phone: "13800000001", address: `地${t}址` })),
      notAnObject.map((v) => ({ phone: v, address: "上海市" })),
      notAnObject,
    );
    await fc.assert(
      fc.asyncProperty(hostile, async (input) => {
        expectRefused(await saveContactDetails(input as never));
      }),
      { numRuns: RUNS },
    );
    expect(await contact(me.personId!)).toEqual(before);
  });

  it("V12.1.1 V5.2.2 a truncated JPEG whose header still reads says 文件已损坏，请重新上传 (a refusal, not a 500)", async () => {
    process.env.PORTAL_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "portal-hostile-"));
    const me = await freshApplicant(db, SH);
    const noise = Buffer.from(Array.from({ length: 400 * 500 * 3 }, (_, i) => (i * 7919) % 251));
    const whole = await sharp(noise, { raw: { width: 400, height: 500, channels: 3 } })
      .jpeg()
      .toBuffer();
    const truncated = new Uint8Array(whole.subarray(0, Math.floor(whole.length * 0.6)));
    const err = await uploadFile(db, me, {
      kind: "photo",
      programCode: SH.programCode,
      fileName: "me.jpg",
      bytes: truncated,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceError);
    expect((err as ServiceError).message).toContain("文件已损坏，请重新上传");
  });

  it("V4.1.3 deny by default: without a session, a valid save is refused before its input is looked at", async () => {
    session.user = null;
    const res = await saveContactDetails({ phone: "13800000001", address: "上海市" });
    expect(res).toMatchObject({ ok: false, error: expect.stringContaining("登录") });
  });

  it("V4.1.1 a hand-made call of a form action without a form is refused by the role check, not a 500", async () => {
    session.user = null;
    const call = fileForcedCancellationAction as unknown as (prev: unknown, fd?: unknown) => Promise<unknown>;
    expect(await call(null, undefined)).toMatchObject({ ok: false, error: expect.stringContaining("登录") });
    expect(await call(null, "not a form")).toMatchObject({ ok: false, error: expect.stringContaining("登录") });
  });
});

async function draft(id: string) {
  const [row] = await db
    .select({ version: s.applications.version, formData: s.applications.formData, updatedAt: s.applications.updatedAt })
    .from(s.applications)
    .where(eq(s.applications.id, id));
  return row;
}

async function workRows(personId: string) {
  return db.select().from(s.workExperiences).where(eq(s.workExperiences.personId, personId));
}

async function contact(personId: string) {
  const [row] = await db
    .select({ phone: s.people.phone, address: s.people.address })
    .from(s.people)
    .where(eq(s.people.id, personId));
  return row;
}
