/**
 * Issue 7 item 10: every row of README's 演示账号 table can do what its label says right after the first start.
 * The test starts from a database of its own, migrated and seeded exactly as `npm start` does the first time (other
 * test files change the shared one), reads the table from README.md and, for every account in it, signs in through
 * the service and proves the labelled action is offered: an applicant's filing is eligible and can be started, an
 * employer or reviewer lands on its own organisation, 周昇 gets his activation code by SMS.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, desc, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import * as schema from "@/db/schema";
import { applicantLoginName, seedDemoData } from "@/lib/server/seed/demo";
import { checkUpload } from "@/lib/domain/files";
import { eligibility, findOption } from "@/lib/domain/eligibility";
import { getProgram } from "@/lib/domain/programs";
import type { ApplicationType } from "@/lib/domain/types";
import { chinaDate } from "@/lib/server/clock";
import { detectImage } from "@/lib/server/images";
import { OutboxSmsProvider } from "@/lib/server/sms";
import { readBytes } from "@/lib/server/storage";
import { captcha } from "../support/captcha";
import { createApplication } from "@/lib/services/applications/create-application";
import { loadPersonSnapshot } from "@/db/rows/application-rows";
import { signIn } from "@/lib/services/accounts/sign-in";
import { CODE_REQUEST_ACCEPTED, sendPasswordCode } from "@/lib/services/accounts/send-password-code";
import { SERVER_URL } from "../global-setup";
import { dropDatabaseWhenFree } from "../support/fresh-database";

const README = path.resolve(import.meta.dirname, "../../../README.md");

type Row = { role: string; names: string[]; logins: string[]; account: string; password: string };

/** The rows of README's 演示账号 table. */
function demoTable(): Row[] {
  const text = fs.readFileSync(README, "utf8");
  const from = text.indexOf("## 演示账号");
  const section = text.slice(from, text.indexOf("\n#", from + 1));
  const lines = section
    .split("\n")
    .filter((l) => l.startsWith("| ") && !l.startsWith("| 角色") && !l.startsWith("|---"));
  return lines.map((line) => {
    const [role, name, account, password] = line
      .split("|")
      .slice(1, -1)
      .map((c) => c.trim()) as [string, string, string, string];
    return {
      role,
      names: name.split("/").map((n) => n.trim()),
      logins: [...account.matchAll(/`([^`]+)`/g)].map((m) => m[1]!),
      account,
      password,
    };
  });
}

/** What each person's row promises (its role column), as the filing that must be open to them. */
const PERSON_ACTION: Record<string, { program: string; type: ApplicationType; specialty: string; route?: "hk" }> = {
  王堃: { program: "cost1", type: "initial", specialty: "1" },
  陈玥: { program: "cost1", type: "initial", specialty: "1", route: "hk" },
  李喆: { program: "cost2-sh", type: "initial", specialty: "4" },
  马丽: { program: "cost2-sh", type: "initial", specialty: "1" },
  吴珺: { program: "cost2-zj", type: "initial", specialty: "1" },
  郑犇: { program: "cost2-zj", type: "extension", specialty: "1" },
  赵燚: { program: "architect1", type: "initial", specialty: "architecture" },
  钱静: { program: "survey-design", type: "initial", specialty: "structural1" },
  周昇: { program: "cost2-sh", type: "initial", specialty: "1" },
};

/** The authority a reviewer row names, by the words of its label. */
const AUTHORITY_BY_LABEL: [RegExp, string][] = [
  [/上海市住建委/, "sh"],
  [/浙江省住建厅/, "zj"],
  [/香港地区/, "hk"],
  [/中价协/, "ceca"],
  [/住建部/, "mohurd"],
];

const NAME = `portal_demo_${Date.now()}_${process.pid}`;
let pool: pg.Pool;
let db: Database;
let n = 0;
const ip = () => `203.0.113.${++n}-demo`;

beforeAll(async () => {
  process.env.PORTAL_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "portal-demo-"));
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`create database ${NAME}`);
  await admin.end();
  const u = new URL(SERVER_URL);
  u.pathname = `/${NAME}`;
  pool = new pg.Pool({ connectionString: u.toString(), max: 4 });
  db = drizzle(pool, { schema });
  await migrateDatabase(db);
  expect(await seedDemoData(db)).toBe(true);
}, 120_000);

afterAll(async () => {
  await pool?.end();
  await dropDatabaseWhenFree(NAME);
});

describe("README 演示账号 right after the first start", () => {
  const rows = demoTable();

  it("the table lists every kind of account (a sanity check on reading README)", () => {
    expect(rows.filter((r) => r.role.startsWith("个人")).length).toBe(Object.keys(PERSON_ACTION).length);
    expect(rows.some((r) => r.role.startsWith("聘用单位"))).toBe(true);
    expect(rows.some((r) => r.role.startsWith("审批人员"))).toBe(true);
    expect(rows.some((r) => r.role.startsWith("管理员"))).toBe(true);
  });

  for (const row of rows.filter((r) => r.role.startsWith("个人"))) {
    const name = row.names[0]!;
    it(`G4 I1 X1 X3: ${name}（${row.role}）signs in and may file what the label says`, async () => {
      const action = PERSON_ACTION[name];
      expect(action, `README row ${name} has no expected action in this test`).toBeDefined();
      const idType = row.account.includes("香港测量师互认证号") ? "hk_surveyor_mutual" : "resident_id";
      const loginName = applicantLoginName(idType, row.logins[0]!);
      const activated = !row.password.includes("获取密码");
      const [account] = await db.select().from(schema.userAccounts).where(eq(schema.userAccounts.loginName, loginName));
      expect(account?.displayName).toBe(name);

      if (activated) {
        const res = await signIn(db, { kind: "applicant", loginName, password: "Demo2026!", ip: ip() });
        expect(res.ok, !res.ok ? res.message : "").toBe(true);
      } else {
        // 周昇: no password yet; 获取密码 texts the code to the number README gives.
        const phone = /\d{11}/.exec(row.password)![0];
        const sent = await sendPasswordCode(db, new OutboxSmsProvider(db), {
          purpose: "activate",
          kind: "applicant",
          loginName,
          ip: ip(),
          ...(await captcha()),
        });
        expect(sent).toEqual({ ok: true, notice: CODE_REQUEST_ACCEPTED });
        const [sms] = await db
          .select()
          .from(schema.smsOutbox)
          .where(eq(schema.smsOutbox.phone, phone))
          .orderBy(desc(schema.smsOutbox.id))
          .limit(1);
        expect(sms?.body).toMatch(/\d{6}/);
      }

      // The photo and signature on file are real images within every program's limits (G4).
      const [person] = await db.select().from(schema.people).where(eq(schema.people.id, account!.personId!));
      for (const kind of ["photo", "signature"] as const) {
        const fileId = kind === "photo" ? person!.photoFileId : person!.signatureFileId;
        expect(fileId, `${name} has a ${kind} on file`).toBeTruthy();
        const [file] = await db
          .select()
          .from(schema.files)
          .where(and(eq(schema.files.id, fileId!), eq(schema.files.ownerPersonId, person!.id)));
        const bytes = await readBytes(file!.storageKey);
        const image = await detectImage(bytes);
        expect(image?.format).toBe("jpg");
        expect(
          checkUpload(getProgram(action!.program), kind, {
            fileName: "x.jpg",
            bytes: bytes.length,
            width: image!.width,
            height: image!.height,
          }),
        ).toEqual([]);
      }

      const program = getProgram(action!.program);
      const snapshot = await loadPersonSnapshot(db, person!.id, program.code);
      if (action!.route) expect(snapshot.route).toBe(action!.route);
      const option = findOption(eligibility(snapshot, program, chinaDate(new Date())), action!.type, action!.specialty);
      expect(option?.reasons.map((r) => r.message) ?? ["not offered"]).toEqual([]);
      expect(option?.allowed).toBe(true);

      const actor = { userId: account!.id, role: "applicant" as const, displayName: name, personId: person!.id };
      const created = await createApplication(db, actor, {
        programCode: program.code,
        type: action!.type,
        specialtyCode: action!.specialty,
      });
      const [app] = await db
        .select()
        .from(schema.applications)
        .where(eq(schema.applications.id, created.applicationId));
      expect([app?.type, app?.status]).toEqual([action!.type, "draft"]);
    });
  }

  for (const row of rows.filter((r) => r.role.startsWith("聘用单位"))) {
    it(`${row.names[0]} signs in as that employer`, async () => {
      const res = await signIn(db, { kind: "employer", loginName: row.logins[0]!, password: "Demo2026!", ip: ip() });
      expect(res.ok, !res.ok ? res.message : "").toBe(true);
      const [employer] = await db
        .select()
        .from(schema.employers)
        .where(eq(schema.employers.id, res.ok ? res.account.employerId! : ""));
      expect(employer?.name).toBe(row.names[0]);
    });
  }

  for (const row of rows.filter((r) => r.role.startsWith("审批人员") || r.role.startsWith("管理员"))) {
    it(`${row.role}: ${row.logins.join(" / ")} sign in to their own authority`, async () => {
      const code = AUTHORITY_BY_LABEL.find(([re]) => re.test(row.role))?.[1];
      for (const [i, login] of row.logins.entries()) {
        const res = await signIn(db, { kind: "staff", loginName: login, password: "Demo2026!", ip: ip() });
        expect(res.ok, !res.ok ? res.message : "").toBe(true);
        if (!res.ok) continue;
        expect(res.account.displayName).toContain(row.names[i] ?? row.names[0]!);
        if (row.role.startsWith("管理员")) {
          expect(res.account.role).toBe("admin");
        } else {
          expect(res.account.role).toBe("reviewer");
          const [authority] = await db
            .select()
            .from(schema.authorities)
            .where(eq(schema.authorities.id, res.account.authorityId!));
          expect(authority?.code).toBe(code);
        }
      }
    });
  }
});
