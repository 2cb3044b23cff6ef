import { expect, test, type Page } from "@playwright/test";
import { e2eDatabaseUrl, query } from "./support/database";
import { E2E_AUDIT_HMAC_KEY } from "./support/secrets";

/**
 * 证书查验 (public, no sign-in): look-up by number (typed with full-width brackets, unknown, malformed), the QR
 * code's link with a stale serial, uploads (not a PDF, 郑犇's real electronic certificate, the same with one byte
 * changed) and the polite refusal once an address has used its look-ups for the minute.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://localhost:${PORT}`;
const ZHENG_NO = "建[造]21223301000001";
const ZHENG_ID = "330102196711080011";
const PRIVATE = [ZHENG_ID, "13800000008", "1967-11-08", "1967年11月08日", "郑犇", "解放路"];

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screens/verify-${name}.png`, fullPage: true });

async function clearLimits() {
  await query("delete from rate_limits where key like 'verify:%'");
}

async function expectNoPrivateData(page: Page) {
  const html = await page.content();
  for (const p of PRIVATE) expect(html, `page must not contain ${p}`).not.toContain(p);
}

/** 郑犇's electronic certificate, claimed through the service against the e2e database and the server's CA. */
async function zhengCertificate(): Promise<{ bytes: Buffer; fileName: string; serial: string }> {
  process.env.DATABASE_URL = e2eDatabaseUrl();
  process.env.PORTAL_DATA_DIR = process.env.PORTAL_DATA_DIR ?? "test-results/e2e-data";
  process.env.AUDIT_HMAC_KEY = E2E_AUDIT_HMAC_KEY; // anything this process chains joins the server's chains
  const { getDb } = await import("@/db/client");
  const { claimCertificate, certificateSerial } = await import("@/lib/services/documents/claim-certificate");
  const { readFile } = await import("@/lib/services/documents/read-file");
  const [account] = await query<{ id: string; display_name: string; person_id: string }>(
    "select id, display_name, person_id from user_accounts where role = 'applicant' and login_name = $1",
    [`resident_id:${ZHENG_ID}`],
  );
  const [reg] = await query<{ id: string; updated_at: Date }>(
    "select id, updated_at from registrations where registration_no = $1",
    [ZHENG_NO],
  );
  if (!account || !reg) throw new Error("demo data for 郑犇 is missing");
  const actor = {
    userId: account.id,
    role: "applicant" as const,
    displayName: account.display_name,
    personId: account.person_id,
  };
  const db = getDb();
  const fileId = await claimCertificate(db, actor, reg.id, BASE_URL);
  const file = await readFile(db, actor, fileId);
  return { bytes: file.bytes, fileName: file.fileName, serial: certificateSerial(reg.id, reg.updated_at) };
}

async function upload(page: Page, name: string, mimeType: string, buffer: Buffer) {
  await page.goto("/verify");
  await page.locator("#certificate-file").setInputFiles({ name, mimeType, buffer });
  await page.getByRole("button", { name: "开始核验" }).click();
}

test.beforeEach(clearLimits);
test.afterAll(clearLimits);

test("anonymous look-up of 郑犇's number (typed with full-width brackets) shows 有效 and only masked data", async ({
  page,
}) => {
  await page.goto("/verify");
  await expect(page.getByRole("heading", { name: "注册证书查验" })).toBeVisible();
  await shot(page, "start");
  await page.getByLabel("注册编号").fill(" 建【造】21223301000001 ");
  await page.getByRole("button", { name: "查询" }).click();
  await page.waitForURL((url) => decodeURIComponent(url.pathname) === `/verify/${ZHENG_NO}`);

  await expect(page.getByTestId("certificate-status")).toHaveText("有效");
  await expect(page.getByTestId("registration-no")).toHaveText(ZHENG_NO);
  const facts = page.getByTestId("certificate-facts");
  await expect(facts).toContainText("郑*");
  await expect(facts).toContainText("男");
  const [reg] = await query<{ valid_to: string }>(
    "select to_char(valid_to, 'YYYY-MM-DD') as valid_to from registrations where registration_no = $1",
    [ZHENG_NO],
  );
  await expect(facts).toContainText(reg!.valid_to); // 19 days after the first start (lib/server/seed/demo.ts)
  await expect(facts).toContainText("浙江");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expectNoPrivateData(page);
  await shot(page, "result-valid");
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "result-valid-mobile");
  await page.goto("/verify");
  await shot(page, "start-mobile");
});

test("an unknown number says so and what to check; a malformed one is caught before the look-up", async ({ page }) => {
  await page.goto("/verify");
  await page.getByLabel("注册编号").fill("建[造]21223399999999");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByTestId("not-found")).toContainText("未查询到该注册编号");
  await expect(page.getByTestId("not-found")).toContainText("请检查");
  await shot(page, "not-found");

  await page.goto("/verify");
  await page.getByLabel("注册编号").fill("12345");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByTestId("lookup-error")).toContainText("注册编号格式不正确");
  await expect(page.getByLabel("注册编号")).toHaveValue("12345");
  await shot(page, "bad-format");
});

test("uploading something that is not a PDF is refused with a clear message", async ({ page }) => {
  await upload(page, "证书.pdf", "application/pdf", Buffer.from("这不是PDF，只是改了扩展名的文本文件"));
  await expect(page.getByTestId("upload-error")).toContainText("上传的文件不是 PDF");
  await shot(page, "upload-not-pdf");
});

test("crafted uploads (huge, nested, deflate bomb, many signatures) get a 4xx in plain Chinese, never a 500", async ({
  page,
}) => {
  await clearLimits();
  const { deflateSync } = await import("node:zlib");
  const keywords = `/Keywords (registration-no:${ZHENG_NO})\n`;
  const bomb = deflateSync(Buffer.alloc(64 * 1024 * 1024));
  const files: Record<string, Buffer> = {
    "nested arrays": Buffer.from(`%PDF-1.7\n1 0 obj\n${"[".repeat(3_000_000)}`, "latin1"),
    "deflate bomb": Buffer.concat([
      Buffer.from(`%PDF-1.7\n1 0 obj <</Filter/FlateDecode/Length ${bomb.length}>>\nstream\n`),
      bomb,
    ]),
    "many signatures": Buffer.from(`%PDF-1.7\n${keywords}${"/ByteRange [0 1 2 3] ".repeat(200_000)}`, "latin1"),
    "over 5 MB": Buffer.alloc(5 * 1024 * 1024 + 1, 0x20),
  };
  for (const [name, buffer] of Object.entries(files)) {
    const started = Date.now();
    const res = await page.request.post("/verify/upload", {
      multipart: { file: { name: "证书.pdf", mimeType: "application/pdf", buffer } },
    });
    expect(res.status(), name).toBeGreaterThanOrEqual(400);
    expect(res.status(), name).toBeLessThan(500);
    expect((await res.json()).error, name).toMatch(/[\u4e00-\u9fff]/);
    expect(Date.now() - started, name).toBeLessThan(3000);
  }
  // A file naming a real registration but carrying no signature is answered (200) as not authentic, with the reason.
  const unsigned = await page.request.post("/verify/upload", {
    multipart: {
      file: {
        name: "证书.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from(`%PDF-1.7\n${keywords}${"[".repeat(100_000)}`),
      },
    },
  });
  expect(unsigned.status()).toBe(200);
  expect(await unsigned.json()).toMatchObject({
    ok: true,
    signatureValid: false,
    problems: expect.arrayContaining(["文件没有数字签名"]),
  });
});

const title1 =
  "R3: 郑犇's real electronic certificate verifies; with one byte changed the signature fails; an older issue's QR " +
  "code is 不是最新版本, an unknown code 无法识别";
test(title1, async ({ page }) => {
  test.setTimeout(180_000); // two certificates are rendered and signed (CJK fonts, PKI) on a loaded machine
  const cert = await zhengCertificate();

  await upload(page, cert.fileName, "application/pdf", cert.bytes);
  const verdict = page.getByTestId("upload-verdict");
  await expect(verdict).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("signature-result")).toContainText("签名有效");
  await expect(page.getByTestId("register-result")).toContainText("与注册库一致");
  await expect(page.getByTestId("issue-result")).toContainText("当前有效版本");
  await expect(verdict).toContainText("核验通过");
  await expect(verdict).toContainText("郑*");
  await expectNoPrivateData(page);
  await shot(page, "upload-valid");

  const tampered = Buffer.from(cert.bytes);
  const at = tampered.indexOf("/Type /Page") + 2;
  tampered[at] = tampered[at] === 0x54 ? 0x55 : 0x54;
  await upload(page, cert.fileName, "application/pdf", tampered);
  await expect(page.getByTestId("signature-result")).toContainText("签名无效", { timeout: 30_000 });
  await expect(page.getByTestId("upload-verdict")).toContainText("核验未通过");
  await expect(page.getByTestId("upload-problems")).toContainText("文件内容在签发后被修改过");
  await shot(page, "upload-tampered");

  // The QR code's link: the current issue is confirmed.
  await page.goto(`/verify/${encodeURIComponent(ZHENG_NO)}?c=${cert.serial}`);
  await expect(page.getByTestId("current-issue")).toBeVisible();
  await expect(page.getByTestId("outdated-issue")).toHaveCount(0);
  await expect(page.getByTestId("unrecognised-issue")).toHaveCount(0);

  // Something printed on the certificate changes and the holder claims the new issue: the older printout is flagged.
  await query(
    "update registrations set updated_at = updated_at + interval '1 second', certificate_state = 'unclaimed' where " +
      "registration_no = $1",
    [ZHENG_NO],
  );
  const reissued = await zhengCertificate();
  expect(reissued.serial).not.toBe(cert.serial);
  await page.goto(`/verify/${encodeURIComponent(ZHENG_NO)}?c=${cert.serial}`);
  await expect(page.getByTestId("outdated-issue")).toContainText("不是最新版本");
  await expect(page.getByTestId("unrecognised-issue")).toHaveCount(0);
  await expect(page.getByTestId("certificate-status")).toHaveText("有效");
  await shot(page, "result-outdated");

  // A code this portal never issued for the number (forged or mistyped) is not an "older version": it is unknown.
  await page.goto(`/verify/${encodeURIComponent(ZHENG_NO)}?c=0123456789ABCDEF`);
  await expect(page.getByTestId("unrecognised-issue")).toContainText("无法识别");
  await expect(page.getByTestId("outdated-issue")).toHaveCount(0);
  await expect(page.getByTestId("current-issue")).toHaveCount(0);
  await shot(page, "result-unrecognised");
});

test("an address that used its look-ups for the minute gets a polite message", async ({ page }) => {
  // The browser and the test's own HTTP client may reach the server over different loopback addresses: one look-up
  // each, then both addresses are marked as having used their 60 look-ups for this minute.
  await page.goto(`/verify/${encodeURIComponent(ZHENG_NO)}`);
  await expect(page.getByTestId("certificate-status")).toHaveText("有效");
  expect((await page.request.get(`/verify/${encodeURIComponent(ZHENG_NO)}`)).ok()).toBe(true);
  const rows = await query<{ key: string }>("select key from rate_limits where key like 'verify:ip:%'");
  expect(rows.length).toBeGreaterThan(0);
  await query("update rate_limits set points = 60, expire = $1 where key like 'verify:ip:%'", [Date.now() + 60_000]);
  await page.goto(`/verify/${encodeURIComponent(ZHENG_NO)}`);
  await expect(page.getByTestId("rate-limited")).toContainText("查询过于频繁");
  await expect(page.getByTestId("certificate-status")).toHaveCount(0);
  await shot(page, "rate-limited");
  const res = await page.request.post("/verify/upload", {
    multipart: { file: { name: "a.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7") } },
  });
  expect(res.status()).toBe(429);
  expect((await res.json()).error).toContain("查询过于频繁");
});
