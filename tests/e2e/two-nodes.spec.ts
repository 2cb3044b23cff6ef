import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { getCertificateAuthority, getKeyEncryptionKey, pkiDir } from "@/lib/server/pki/ca";
import { s3Env, startTestS3, type TestS3 } from "@/tests/support/s3rver";
import { createApplicant, fileAndSign, jpeg, shot, signInApplicant, uploadPortrait } from "./support/applicant-steps";
import { e2eDatabaseUrl, query } from "./support/database";
import { SH_EMPLOYER, signIn } from "./support/review-helpers";
import { E2E_AUDIT_HMAC_KEY, E2E_DATABASE_APP_PASSWORD, E2E_NEXTAUTH_SECRET } from "./support/secrets";

/**
 * Issue 11: two app nodes on different ports, one PostgreSQL, one S3-compatible object store, one set of keys.
 * An application is signed on node A, countersigned on B, approved on A, its certificate claimed on B and verified
 * on A; a schedule fires once with both nodes up; killing B mid-request loses nothing it acknowledged and the retry
 * on A succeeds. (The suite's own server, on E2E_PORT, shares the database and keys but keeps files on its disk.)
 */
const BASE = Number(process.env.E2E_PORT ?? 3100) + 500;
const PORT_A = BASE;
const PORT_B = BASE + 1;
const urlOf = (port: number) => `http://localhost:${port}`;

let s3: TestS3;
const nodes = new Map<number, ChildProcess>();

const logOf = (port: number) => `test-results/two-nodes-${port}.log`;

/** The end of a node's output, so a node that refuses to start says why in the test's failure. */
function tailOf(port: number): string {
  const text = fs.existsSync(logOf(port)) ? fs.readFileSync(logOf(port), "utf8") : "(no output)";
  return text.split("\n").slice(-30).join("\n");
}

async function waitUntilUp(port: number, child: ChildProcess) {
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`node on ${port} exited with ${child.exitCode}:\n${tailOf(port)}`);
    const ok = await fetch(`${urlOf(port)}/login/applicant`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`node on ${port} did not start:\n${tailOf(port)}`);
}

function startNode(port: number, env: Record<string, string>): ChildProcess {
  fs.mkdirSync("test-results", { recursive: true });
  const log = fs.openSync(logOf(port), "w");
  // Own process group, so the test can kill the node like a crashed machine (SIGKILL to everything it started).
  const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/start.ts"], {
    detached: true,
    stdio: ["ignore", log, log],
    env: { ...process.env, ...env, PORT: String(port), NEXTAUTH_URL: urlOf(port) },
  });
  nodes.set(port, child);
  return child;
}

function killNode(port: number) {
  const child = nodes.get(port);
  if (child?.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  s3 = await startTestS3({ bucket: "portal-two-nodes" });
  // The same CA and KEK as the suite's server (created once, race-safely, under its data dir), handed to both nodes
  // as configuration — the way production hands every node the files from `npm run pki:init`.
  process.env.PORTAL_DATA_DIR = "test-results/e2e-data";
  await Promise.all([getCertificateAuthority(), getKeyEncryptionKey()]);
  const pki = pkiDir();
  const env = {
    DATABASE_URL: e2eDatabaseUrl(),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    COMMITMENT_READING_SECONDS: "3",
    // Configuration every node of a cluster must share (docs/deploy.md); the suite's server uses the same values, as
    // it shares the database: its sessions and the audit chains it writes stay valid on A and B.
    NEXTAUTH_SECRET: E2E_NEXTAUTH_SECRET,
    AUDIT_HMAC_KEY: E2E_AUDIT_HMAC_KEY,
    DATABASE_APP_PASSWORD: E2E_DATABASE_APP_PASSWORD,
    PORTAL_CA_CERT_FILE: path.join(pki, "ca", "cert.pem"),
    PORTAL_CA_KEY_FILE: path.join(pki, "ca", "key.pem"),
    PORTAL_KEK_FILE: path.join(pki, "kek.key"),
    ...s3Env(s3),
  };
  const a = startNode(PORT_A, { ...env, PORTAL_DATA_DIR: "test-results/two-nodes-a" });
  await waitUntilUp(PORT_A, a);
  const b = startNode(PORT_B, { ...env, PORTAL_DATA_DIR: "test-results/two-nodes-b" });
  await waitUntilUp(PORT_B, b);
});

test.afterAll(async () => {
  killNode(PORT_A);
  killNode(PORT_B);
  await query("update pgboss.schedule set cron = '40 3 * * *' where name = 'housekeeping'").catch(() => {});
  await s3?.stop();
});

const on = async (browser: Browser, port: number): Promise<Page> =>
  (await browser.newContext({ baseURL: urlOf(port) })).newPage();

const title1 =
  "issue 11: signed on A, countersigned on B, approved on A, claimed on B, verified on A; one cron run; B dies " +
  "mid-request";
test(title1, async ({ browser }) => {
  test.setTimeout(900_000);
  const me = await createApplicant("两节点", "cost2-sh", "1");

  // Node A: the applicant uploads, files and signs (files go to the shared object store).
  const applicantA = await on(browser, PORT_A);
  await signInApplicant(applicantA, me.idNumber);
  await uploadPortrait(applicantA);
  const applicationId = await fileAndSign(applicantA, me, "program-cost2-sh", "初始注册（土木建筑工程）", "two-nodes");
  const onDisk = fs.existsSync("test-results/two-nodes-a/files")
    ? fs.readdirSync("test-results/two-nodes-a/files")
    : [];
  expect(onDisk, "node A must not keep files on its own disk").toHaveLength(0);

  // Node B: the employer countersigns — it reads the PDF node A signed and signs with the shared CA.
  const employerB = await on(browser, PORT_B);
  await signIn(employerB, "employer", SH_EMPLOYER, "/employer");
  await employerB.goto(`/employer/pending?idNumber=${me.idNumber}`);
  await employerB
    .getByTestId("pending-table")
    .locator("tbody tr")
    .first()
    .getByRole("link", { name: "签名确认" })
    .click();
  await employerB.getByRole("checkbox", { name: /签订真实有效的劳动聘用合同/ }).check();
  await employerB.getByRole("button", { name: "签名确认" }).click();
  // Signing issues the employer's certificate (RSA key generation) on first use: slow on a loaded machine.
  await expect(employerB.getByTestId("countersign-done")).toContainText("已完成企业PDF电子签名", {
    timeout: 120_000,
  });

  // Node A: 上海市住建委 accepts and approves.
  const reviewerA = await on(browser, PORT_A);
  await signIn(reviewerA, "staff", "sh_reviewer", "/review");
  await reviewerA.goto(`/review/pending?who=${me.idNumber}`);
  await reviewerA.getByTestId("queue-table").getByRole("link", { name: "办理" }).click();
  const panel = reviewerA.getByRole("region", { name: "审查办理" });
  await panel.getByRole("button", { name: "受理", exact: true }).click();
  await reviewerA.getByRole("button", { name: "确认受理" }).click();
  await expect(reviewerA.getByTestId("review-done")).toBeVisible({ timeout: 90_000 });
  await panel.getByRole("button", { name: "准予注册" }).click();
  await reviewerA.getByRole("button", { name: "确认准予注册" }).click();
  await expect(reviewerA.getByTestId("issued-registration")).toContainText(/建\[造\]21\d{12}/, { timeout: 120_000 });
  const registrationNo = (await reviewerA.getByTestId("issued-registration").textContent())!.match(
    /建\[造\]\d{14}/,
  )![0];

  // Node B: the applicant claims the certificate (the applicant's session from A is valid on B: one secret).
  const applicantB = await on(browser, PORT_B);
  await signInApplicant(applicantB, me.idNumber);
  await applicantB.goto("/applicant/certificates");
  await applicantB.getByRole("button", { name: "领证" }).click();
  const download = applicantB.getByRole("link", { name: "下载电子证书" });
  await expect(download).toBeVisible({ timeout: 120_000 });
  const certificate = await (await applicantB.request.get((await download.getAttribute("href"))!)).body();
  expect(certificate.subarray(0, 5).toString("latin1")).toBe("%PDF-");

  // Node A: anyone verifies it, by number and by uploading the PDF claimed on B.
  const publicA = await on(browser, PORT_A);
  await publicA.goto(`/verify/${encodeURIComponent(registrationNo)}`);
  await expect(publicA.getByTestId("certificate-status")).toHaveText("有效");
  await publicA.goto("/verify");
  await publicA
    .locator("#certificate-file")
    .setInputFiles({ name: "证书.pdf", mimeType: "application/pdf", buffer: certificate });
  await publicA.getByRole("button", { name: "开始核验" }).click();
  await expect(publicA.getByTestId("signature-result")).toContainText("签名有效", { timeout: 90_000 });
  await expect(publicA.getByTestId("register-result")).toContainText("与注册库一致");
  await shot(publicA, "two-nodes-verified-on-a");

  // A schedule fires once with both nodes (and the suite's server) up: make housekeeping due every minute.
  const since = new Date();
  await query("update pgboss.schedule set cron = '* * * * *' where name = 'housekeeping'");
  let created: { created_on: Date }[] = [];
  for (let i = 0; i < 80 && created.length === 0; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    created = await query<{ created_on: Date }>(
      "select created_on from pgboss.job where name = 'housekeeping' and created_on >= $1 order by created_on",
      [since],
    );
  }
  expect(created.length, "housekeeping was never scheduled").toBeGreaterThan(0);
  await query("update pgboss.schedule set cron = '40 3 * * *' where name = 'housekeeping'");
  await new Promise((r) => setTimeout(r, 8000));
  const slot = Math.floor(created[0]!.created_on.getTime() / 60_000);
  const inSlot = (
    await query<{ created_on: Date }>(
      "select created_on from pgboss.job where name = 'housekeeping' and created_on >= $1",
      [since],
    )
  ).filter((j) => Math.floor(j.created_on.getTime() / 60_000) === slot);
  expect(inSlot).toHaveLength(1);

  // Node B acknowledges a new signature image, then dies in the middle of the next upload.
  await applicantB.goto("/applicant/profile/edit");
  await applicantB.getByLabel("本人已阅读并作出上述承诺").check();
  await applicantB
    .getByLabel("上传手写签名")
    .setInputFiles({ name: "signature-b.jpg", mimeType: "image/jpeg", buffer: await jpeg(800, 320, "#fafafa") });
  await expect(applicantB.getByText("手写签名已保存。")).toBeVisible({ timeout: 60_000 });
  const [acknowledged] = await query<{ id: string; sha256: string }>(
    "select f.id, f.sha256 from people p join files f on f.id = p.signature_file_id where p.id = $1",
    [me.personId],
  );
  const photoBefore = (
    await query<{ photo_file_id: string }>("select photo_file_id from people where id = $1", [me.personId])
  )[0]!.photo_file_id;
  void applicantB
    .getByLabel("上传一寸照片")
    .setInputFiles({ name: "photo-b.jpg", mimeType: "image/jpeg", buffer: await jpeg(600, 840, "#e0ecf8") });
  await new Promise((r) => setTimeout(r, 150));
  killNode(PORT_B);

  // Node A still serves what B acknowledged, byte for byte, and the interrupted upload succeeds when retried on A.
  const res = await applicantA.request.get(`/files/${acknowledged!.id}`);
  expect(res.status()).toBe(200);
  const { createHash } = await import("node:crypto");
  expect(
    createHash("sha256")
      .update(await res.body())
      .digest("hex"),
  ).toBe(acknowledged!.sha256);
  await applicantA.goto("/applicant/profile/edit");
  await applicantA.getByLabel("本人已阅读并作出上述承诺").check();
  await applicantA
    .getByLabel("上传一寸照片")
    .setInputFiles({ name: "photo-a.jpg", mimeType: "image/jpeg", buffer: await jpeg(600, 840, "#e0ecf8") });
  await expect(applicantA.getByText("一寸照片已保存。")).toBeVisible({ timeout: 60_000 });
  const photoAfter = (
    await query<{ photo_file_id: string }>("select photo_file_id from people where id = $1", [me.personId])
  )[0]!.photo_file_id;
  expect(photoAfter).not.toBe(photoBefore);
  expect((await applicantA.request.get(`/files/${photoAfter}`)).status()).toBe(200);
  await shot(applicantA, "two-nodes-retry-on-a");
  void applicationId;
});
