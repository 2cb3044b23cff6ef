/** Applicant steps shared by the cross-role journey specs: each journey owns a freshly created person. */
import fs from "node:fs";
import { expect, type Page } from "@playwright/test";
import sharp from "sharp";
import { latestSmsCode, query } from "./database";

export const PASSWORD = "Demo2026!";

function residentId(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((a, c, i) => a + Number(c) * w[i]!, 0);
  return first17 + "10X98765432"[sum % 11];
}

export type Applicant = { personId: string; idNumber: string; phone: string; name: string };

let seq = 0;
/**
 * A new applicant of 上海建科造价咨询有限公司 with a qualification and the records I3 asks for (pre-filled into the form).
 * `hongKong`: a 香港测量师互认证号 holder of 利比测量师事务所（香港）, qualified by 互认, filing on the 香港地区 route.
 */
export async function createApplicant(
  name: string,
  programCode: string,
  specialty: string,
  opts: { hongKong?: boolean } = {},
): Promise<Applicant> {
  seq += 1;
  const stamp = (Date.now() + seq * 7919) % 1_000_000;
  const month = (stamp % 9) + 1;
  const day = String((stamp % 28) + 1).padStart(2, "0");
  const idNumber = opts.hongKong
    ? `HKQS-2026-${String(stamp).padStart(6, "0")}`
    : residentId(`31011519880${month}${day}${String(stamp % 1000).padStart(3, "0")}`);
  const idType = opts.hongKong ? "hk_surveyor_mutual" : "resident_id";
  const province = opts.hongKong ? "81" : "31";
  const phone = `137${String(stamp).padStart(8, "0")}`;
  const [ref] = await query<{ employer_id: string; password_hash: string }>(
    `select p.employer_id, a.password_hash from people p join user_accounts a on a.person_id = p.id where ` +
      `p.id_number = $1`,
    [opts.hongKong ? "HKQS-2019-0123" : "440305199302140027"],
  );
  const [p] = await query<{ id: string }>(
    `insert into people (name, gender, birth_date, id_type, id_number, phone, address, employer_id, province_code, ` +
      `education, school, major, title)
     values ($1, 'male', $2, $6, $3, $4, '上海市浦东新区张杨路500号', $5, $7, '本科', '同济大学', '工程管理', '工程师') ` +
      `returning id`,
    [name, `1988-0${month}-${day}`, idNumber, phone, ref!.employer_id, idType, province],
  );
  await query(
    `insert into user_accounts (role, login_name, password_hash, display_name, person_id) values ('applicant', $1, ` +
      `$2, $3, $4)`,
    [`${idType}:${idNumber}`, ref!.password_hash, name, p!.id],
  );
  await query(
    `insert into qualifications (person_id, program_code, specialty_code, management_no, approval_date, ` +
      `obtained_province_code) values ($1, $2, $3, $4, '2025-09-30', $5)`,
    [p!.id, programCode, specialty, `J${stamp}`, province],
  );
  const year = Number(
    new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date()),
  );
  await query(
    `insert into work_experiences (person_id, start_date, organization, position) values ($1, '2016-07-01', ` +
      `'上海建科造价咨询有限公司', '造价工程师')`,
    [p!.id],
  );
  for (const [i, project] of [
    "临港新片区公共租赁住房项目",
    "地铁18号线车站机电安装工程",
    "市第六人民医院门急诊综合楼",
  ].entries()) {
    await query(`insert into achievements (person_id, year, project_name, role) values ($1, $2, $3, '造价负责人')`, [
      p!.id,
      year - 3 + i,
      project,
    ]);
  }
  return { personId: p!.id, idNumber, phone, name };
}

export async function signInApplicant(page: Page, idNumber: string) {
  await query("delete from rate_limits where key like 'login:%' or key like 'lock:%' or key like 'code:%'");
  await page.goto("/login/applicant");
  await page.getByLabel("证件号码").fill(idNumber);
  await page.locator("#password").fill(PASSWORD);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await page.waitForURL((url) => url.pathname === "/applicant");
}

export const jpeg = (w: number, h: number, color: string) =>
  sharp({ create: { width: w, height: h, channels: 3, background: color } })
    .composite([
      {
        input: Buffer.from(
          `<svg width="${w}" height="${h}"><rect x="${w / 4}" y="${h / 4}" width="${w / 2}" height="${h / 2}" ` +
            `fill="#333"/></svg>`,
        ),
      },
    ])
    .jpeg({ quality: 85 })
    .toBuffer();

export async function shot(page: Page, name: string) {
  fs.mkdirSync("test-results/screens", { recursive: true });
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

/** 个人信息: photo and signature (G4), through the real upload. */
export async function uploadPortrait(page: Page) {
  await page.goto("/applicant/profile/edit");
  await page.getByLabel("本人已阅读并作出上述承诺").check();
  await page
    .getByLabel("上传一寸照片")
    .setInputFiles({ name: "photo.jpg", mimeType: "image/jpeg", buffer: await jpeg(600, 840, "#dfe8f5") });
  await expect(page.getByText("一寸照片已保存。")).toBeVisible();
  await page
    .getByLabel("上传手写签名")
    .setInputFiles({ name: "signature.jpg", mimeType: "image/jpeg", buffer: await jpeg(800, 320, "#ffffff") });
  await expect(page.getByText("手写签名已保存。")).toBeVisible();
}

/** Uploads a scan into every attachment slot that offers an upload and has none yet. */
export async function uploadAttachments(page: Page) {
  const uploads = page.locator('input[type=file][id^="upload-"]');
  const count = await uploads.count();
  for (let i = 0; i < count; i++) {
    const input = uploads.nth(i);
    const code = (await input.getAttribute("id"))!.slice("upload-".length);
    const slot = page.locator(`[data-attachment="${code}"]`);
    if ((await slot.getByRole("link", { name: /\.jpg/ }).count()) > 0) continue;
    await input.setInputFiles({
      name: `${code}.jpg`,
      mimeType: "image/jpeg",
      buffer: await jpeg(1200, 1600, "#f7f7f2"),
    });
    await expect(slot.getByRole("link", { name: new RegExp(`${code}\\.jpg`) })).toBeVisible();
  }
}

/**
 * 新增注册申请 → 申报须知 → 个人承诺书 → 申报信息 (attachments, 保存) → 个人数字签名 with the SMS code.
 * Returns the application id; the application then waits for the employer (个人已签名（待企业签名）).
 */
export async function fileAndSign(
  page: Page,
  me: Applicant,
  programTestId: string,
  optionLabel: string,
  screens: string,
  opts: { fill?: (page: Page) => Promise<void>; status?: RegExp } = {},
): Promise<string> {
  await page.goto("/applicant/apply");
  await page.getByTestId(programTestId).getByRole("button", { name: optionLabel }).click();
  await page.waitForURL(/\/applicant\/applications\/[0-9a-f-]+\/edit$/);
  const applicationId = page.url().split("/").at(-2)!;

  await page.getByLabel("全选").check();
  await page.getByRole("button", { name: "下一步" }).click();
  await expect(page.getByRole("heading", { name: "个人承诺书" })).toBeVisible();
  await page.getByLabel("本人做出上述承诺").check();
  const confirm = page.getByRole("button", { name: /^确认/ });
  await expect(confirm).toBeEnabled({ timeout: 75_000 });
  await confirm.click();
  await expect(page.getByRole("heading", { name: "申报信息" })).toBeVisible();

  await uploadAttachments(page);
  // Type-specific fields (the new employer of a 变更注册, the new ID of a 信息变更 …).
  if (opts.fill) await opts.fill(page);
  const opinion = page.locator('[data-field="applicantOpinion"] input[type=checkbox]');
  if (await opinion.count()) await opinion.check();
  await page.getByRole("button", { name: "保存", exact: true }).click();
  // `000` §三.1(7): the stamped form is asked for only once a saved form can be printed — then upload it and save again.
  if ((await page.locator('[data-attachment="application_form"]').count()) > 0) {
    await expect(page.getByTestId("print-form")).toBeVisible();
    await uploadAttachments(page);
    await page.getByRole("button", { name: "保存", exact: true }).click();
  }
  await expect(page.getByText("保存成功，数据已通过校验")).toBeVisible();
  await shot(page, `${screens}-01-form-saved`);

  await page.getByRole("button", { name: "【个人数字签名】" }).click();
  const dialog = page.getByRole("dialog", { name: "个人数字签名" });
  await dialog.getByRole("button", { name: "获取验证码" }).click();
  // The masked number is the server's answer: only then is the text in sms_outbox. (Waiting for the element alone
  // raced the send: the dialog used to show a hint under the same test id before the click, and the code was read
  // before it was written — "no SMS code found for 137…".)
  await expect(dialog.getByTestId("masked-phone")).toHaveText(`${me.phone.slice(0, 3)}****${me.phone.slice(-4)}`);
  await dialog.getByLabel("短信验证码").fill(await latestSmsCode(me.phone));
  await dialog.getByRole("button", { name: "签名确认" }).click();
  await page.waitForURL(new RegExp(`/applicant/applications/${applicationId}\\?signed=1$`));
  // The label is the program's own: 个人已签名（待企业签名） in 上海, 个人已上报（待单位确认） for 一级造价 (T).
  await expect(page.getByTestId("status-label")).toHaveText(
    opts.status ?? /^个人已(签名|上报)（待(企业签名|单位确认)）$/,
  );
  await shot(page, `${screens}-02-signed`);
  return applicationId;
}
