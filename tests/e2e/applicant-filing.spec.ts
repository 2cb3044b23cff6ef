import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { latestSmsCode, query } from "./support/database";

/**
 * Applicant side of issue #4, end to end in the browser, on a person of its own (created here via SQL so no other
 * spec's data is touched): 照片/签名 upload with the certificate preview, 验证企业名称, 工作经历/工作业绩/继续教育,
 * 新增注册申请 with refused types and the engine's reasons, the wizard (申报须知 → 个人承诺书 with the server-timed
 * countdown → 申报信息), a save with a missing field (error next to it), the fix, 个人数字签名 with the SMS code,
 * 个人已签名（待企业签名）, the 审核进度 timeline, drafts surviving reload, and 修改 after signing (G9).
 *
 * The 个人承诺书 countdown is 60 s (G5); the portal may be started with COMMITMENT_READING_SECONDS=3 to shorten it —
 * the test waits for whatever the server enforces.
 */
const PASSWORD = "Demo2026!";
const SCREENS = "test-results/screens";

function residentId(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((a, c, i) => a + Number(c) * w[i]!, 0);
  return first17 + "10X98765432"[sum % 11];
}

type Person = { personId: string; idNumber: string; phone: string; name: string };

/** A fresh 上海 二级造价 applicant with a 土木建筑工程 qualification, 马丽's employer and password. */
async function createApplicant(name: string, opts: { registration?: boolean } = {}): Promise<Person> {
  const stamp = Date.now() % 1_000_000;
  const day = String((stamp % 28) + 1).padStart(2, "0");
  const idNumber = residentId(`31010419940${(stamp % 9) + 1}${day}${String(stamp % 1000).padStart(3, "0")}`);
  const phone = `139${String(stamp).padStart(8, "0")}`;
  const [ma] = await query<{ employer_id: string; password_hash: string }>(
    `select p.employer_id, a.password_hash from people p join user_accounts a on a.person_id = p.id where ` +
      `p.id_number = '440305199302140027'`,
  );
  const [p] = await query<{ id: string }>(
    `insert into people (name, gender, birth_date, id_type, id_number, phone, address, employer_id, province_code, ` +
      `education, school, major)
     values ($1, 'female', $2, 'resident_id', $3, $4, '上海市长宁区延安西路1号', $5, '31', '本科', '同济大学', '工程造价') returning id`,
    [name, `1994-0${(stamp % 9) + 1}-${day}`, idNumber, phone, ma!.employer_id],
  );
  await query(
    `insert into user_accounts (role, login_name, password_hash, display_name, person_id) values ('applicant', $1, ` +
      `$2, $3, $4)`,
    [`resident_id:${idNumber}`, ma!.password_hash, name, p!.id],
  );
  await query(
    `insert into qualifications (person_id, program_code, specialty_code, management_no, approval_date, ` +
      `obtained_province_code) values ($1, 'cost2-sh', '1', $2, '2025-09-30', '31')`,
    [p!.id, `E2E${stamp}`],
  );
  if (opts.registration) {
    const [auth] = await query<{ id: string }>(
      `select id from authorities where level = 'provincial' and province_code = '31' limit 1`,
    );
    await query(
      `insert into registrations (person_id, program_code, specialty_code, registration_no, seal_no, employer_id, ` +
        `employer_name, employer_province_code, issuing_authority_id, valid_from, valid_to, status)
       values ($1, 'cost2-sh', '1', $2, $3, $4, '上海建科造价咨询有限公司', '31', $5, '2025-01-10', '2029-01-09', 'active')`,
      [
        p!.id,
        `建[造]21253101${String(stamp).padStart(6, "0")}`,
        `建[造]21253101${String(stamp).padStart(6, "0")}-01`,
        ma!.employer_id,
        auth!.id,
      ],
    );
  }
  return { personId: p!.id, idNumber, phone, name };
}

async function signIn(page: Page, idNumber: string) {
  await query("delete from rate_limits where key like 'login:%' or key like 'lock:%' or key like 'code:%'");
  await page.goto("/login/applicant");
  await page.getByLabel("证件号码").fill(idNumber);
  await page.locator("#password").fill(PASSWORD);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  await page.waitForURL((url) => url.pathname === "/applicant");
}

const jpeg = (w: number, h: number, color: string) =>
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

const shot = (page: Page, name: string) => page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true });

test("applicant: portrait, records, 新增注册申请 with reasons, wizard, save errors, 个人数字签名, timeline", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const me = await createApplicant("冯婕");
  // Two of the last three years' achievements exist; the page must name the missing year (I3).
  const year = Number(
    new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date()),
  );
  await query(
    `insert into achievements (person_id, year, project_name, role) values ($1, $2, '浦东机场T3航站楼配套工程', '造价负责人'), ($1, ` +
      `$3, '徐汇滨江绿地改造', '结算审核')`,
    [me.personId, year - 3, year - 2],
  );
  await signIn(page, me.idNumber);

  // 新增注册申请 before photo/signature: everything refused with G4, said once above the list.
  await page.getByRole("navigation", { name: "功能菜单" }).getByRole("link", { name: "新增注册申请" }).click();
  await expect(page.getByRole("heading", { name: "新增注册申请" })).toBeVisible();
  await expect(page.getByText("请先在「基本信息修改」中上传一寸照片和手写签名")).toBeVisible();
  await expect(page.locator('[data-testid=apply-option][data-allowed="yes"]')).toHaveCount(0);
  await page.getByRole("link", { name: "去完善个人信息" }).first().click();

  // 个人信息: employer picker (验证企业名称) and photo + signature with the certificate preview.
  await expect(page.getByRole("heading", { name: "基本信息修改" })).toBeVisible();
  await expect(page.getByTestId("current-employer")).toHaveText("上海建科造价咨询有限公司");
  await page.getByLabel("申请注册企业（填写全称或部分名称）").fill("建科造价");
  await page.getByRole("option", { name: /上海建科造价咨询有限公司/ }).click();
  await expect(page.getByTestId("picked-employer")).toContainText("91310000MA1FL0001R");
  await expect(page.getByText("格式：JPG、JPEG、PNG").first()).toBeVisible();
  await expect(page.getByText("推荐尺寸：宽 295 × 高 413 像素")).toBeVisible();
  await page.getByLabel("本人已阅读并作出上述承诺").check();
  await page
    .getByLabel("上传一寸照片")
    .setInputFiles({ name: "photo.jpg", mimeType: "image/jpeg", buffer: await jpeg(600, 840, "#dfe8f5") });
  await expect(page.getByText("一寸照片已保存。")).toBeVisible();
  await page
    .getByLabel("上传手写签名")
    .setInputFiles({ name: "signature.jpg", mimeType: "image/jpeg", buffer: await jpeg(800, 320, "#ffffff") });
  await expect(page.getByText("手写签名已保存。")).toBeVisible();
  const preview = page.getByTestId("certificate-preview");
  await expect(preview.getByAltText("证书照片")).toBeVisible();
  await expect(preview.getByAltText("证书签名")).toBeVisible();
  await shot(page, "applicant-profile-edit");

  // 工作经历
  await page.goto("/applicant/records/work");
  await page.getByRole("button", { name: "添加工作经历" }).click();
  await page.getByLabel("起始时间").fill("2016-07-01");
  await page.getByLabel("工作单位").fill("上海建科造价咨询有限公司");
  await page.getByLabel("从事工作及职务").fill("造价工程师");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("工作经历已添加。")).toBeVisible();
  await expect(page.getByRole("cell", { name: "至今" })).toBeVisible();
  await shot(page, "applicant-records-work");

  // 工作业绩: the missing year is named, added, then all three years are covered.
  await page.goto("/applicant/records/achievements");
  await expect(page.getByTestId("missing-years")).toContainText(`${year - 1}年`);
  await page.getByRole("button", { name: "添加工作业绩" }).click();
  await expect(page.getByLabel("年度")).toHaveValue(String(year - 1));
  await page.getByLabel("项目名称").fill("");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.locator(".field .error").first()).toContainText("请填写项目名称");
  await page.getByLabel("项目名称").fill("虹桥商务区综合管廊工程");
  await page.getByLabel("本人承担的工作").fill("招标控制价编制");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("工作业绩已添加。")).toBeVisible();
  await expect(page.getByTestId("missing-years")).toContainText("每年均已填写工作业绩");
  await shot(page, "applicant-records-achievements");

  // 继续教育 with yearly totals.
  await page.goto("/applicant/records/education");
  await page.getByRole("button", { name: "添加继续教育记录" }).click();
  await page.getByLabel("培训日期").fill(`${year}-03-15`);
  await page.getByLabel("学时").fill("16");
  await page.getByLabel("课程名称").fill("建设工程计价新规解读");
  await page.getByLabel("培训机构").fill("上海市建设工程造价协会");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("继续教育记录已添加。")).toBeVisible();
  await expect(page.getByTestId("ce-totals")).toContainText("16");
  await shot(page, "applicant-records-education");

  // 新增注册申请: refused types with the engine's words; 初始注册（土木建筑工程）allowed.
  await page.goto("/applicant/apply");
  const program = page.getByTestId("program-cost2-sh");
  await expect(program.getByText("未取得二级造价工程师（上海市）「安装工程」专业执业资格").first()).toBeVisible();
  await expect(program.getByText("未在「土木建筑工程」专业注册，不能申报延续注册").first()).toBeVisible();
  await expect(program.getByText("上海市二级造价工程师不设变更注册").first()).toBeVisible();
  await expect(program.getByRole("button", { name: "初始注册（安装工程）" })).toBeDisabled();
  await shot(page, "applicant-apply");
  await program.getByRole("button", { name: "初始注册（土木建筑工程）" }).click();

  // 申报须知 → 个人承诺书 (server-timed countdown) → 申报信息.
  await page.waitForURL(/\/applicant\/applications\/[0-9a-f-]+\/edit$/);
  const applicationId = page.url().split("/").at(-2)!;
  await expect(page.getByRole("heading", { name: "申报须知" })).toBeVisible();
  await expect(page.getByRole("button", { name: "下一步" })).toBeDisabled();
  await shot(page, "applicant-wizard-conditions");
  await page.getByLabel("全选").check();
  await page.getByRole("button", { name: "下一步" }).click();
  await expect(page.getByRole("heading", { name: "个人承诺书" })).toBeVisible();
  await expect(page.getByText(`本人姓名：${me.name}`)).toBeVisible();
  await page.getByLabel("本人做出上述承诺").check();
  await shot(page, "applicant-wizard-commitment");
  const confirm = page.getByRole("button", { name: /^确认/ });
  await expect(confirm).toBeEnabled({ timeout: 75_000 });
  await confirm.click();
  await expect(page.getByRole("heading", { name: "申报信息" })).toBeVisible();

  // The wizard state is the server's: a reload stays on 申报信息.
  await page.reload();
  await expect(page.getByRole("heading", { name: "申报信息" })).toBeVisible();
  await expect(page.locator('[data-field="name"] input')).toHaveValue(me.name);
  await expect(page.locator('[data-field="employerUscc"] input')).toHaveValue("91310000MA1FL0001R");
  await expect(page.locator('[data-field="qualificationNumber"] input')).toHaveJSProperty("readOnly", true);
  // Pre-filled from the records (I3).
  await expect(page.getByRole("table", { name: "从事工作经历" }).getByLabel("第1行工作单位")).toHaveValue(
    "上海建科造价咨询有限公司",
  );
  await expect(page.getByRole("table", { name: /主要工作业绩/ }).locator("tbody tr")).toHaveCount(3);

  // There is no form to stamp before the first save: the stamped scan is not asked for yet.
  await expect(page.getByTestId("stamped-form-later")).toHaveText(
    "请先保存申请表；保存后可打印申请表，加盖单位公章后在此上传。",
  );
  await expect(page.locator("#upload-application_form")).toHaveCount(0);
  for (const code of ["qualification_certificate", "labour_contract", "id_document"]) {
    await page
      .locator(`#upload-${code}`)
      .setInputFiles({ name: `${code}.jpg`, mimeType: "image/jpeg", buffer: await jpeg(1200, 1600, "#f7f7f2") });
    await expect(
      page.locator(`[data-attachment="${code}"]`).getByRole("link", { name: new RegExp(`${code}\\.jpg`) }),
    ).toBeVisible();
  }
  // A missing field: 企业联系电话 cleared, 申请人员意见 not ticked.
  await page.locator('[data-field="employerPhone"] input').fill("");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.locator('[data-field="employerPhone"] .error')).toHaveText("「企业联系电话」为必填项");
  await expect(page.locator('[data-field="applicantOpinion"] .error')).toBeVisible();
  await expect(page.getByText(/已保存，但有 \d+ 处需要修改/)).toBeVisible();
  await expect(page.getByRole("button", { name: "【个人数字签名】" })).toHaveCount(0);
  await shot(page, "applicant-wizard-form-errors");
  // Now a saved form exists: print it, stamp it, upload the scan (`000` §三.1(7)).
  const stamped = page.locator('[data-attachment="application_form"]');
  await expect(stamped.getByTestId("print-form")).toHaveAttribute("href", /\/preview$/);
  await expect(stamped.locator(".error")).toHaveText(
    "请打印已保存的申请表，加盖单位公章后上传「盖章申请表扫描件」，再次保存",
  );
  await page
    .locator("#upload-application_form")
    .setInputFiles({ name: "application_form.jpg", mimeType: "image/jpeg", buffer: await jpeg(1200, 1600, "#f7f7f2") });
  await expect(stamped.getByRole("link", { name: /application_form\.jpg/ })).toBeVisible();

  // Fix and save: 【个人数字签名】 appears (G8); the draft survives a reload.
  await page.locator('[data-field="employerPhone"] input').fill("021-63210001");
  await page.locator('[data-field="applicantOpinion"] input[type=checkbox]').check();
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await expect(page.getByText("保存成功，数据已通过校验")).toBeVisible();
  await page.reload();
  await expect(page.locator('[data-field="employerPhone"] input')).toHaveValue("021-63210001");
  await expect(page.getByRole("button", { name: "【个人数字签名】" })).toBeVisible();
  await shot(page, "applicant-wizard-form-valid");

  // 个人数字签名 with the SMS code.
  await page.getByRole("button", { name: "【个人数字签名】" }).click();
  const dialog = page.getByRole("dialog", { name: "个人数字签名" });
  await expect(dialog.getByRole("link", { name: "预览申请表（PDF）" })).toHaveAttribute(
    "href",
    `/applicant/applications/${applicationId}/preview`,
  );
  const previewRes = await page.request.get(`/applicant/applications/${applicationId}/preview`);
  expect(previewRes.headers()["content-type"]).toBe("application/pdf");
  await dialog.getByRole("button", { name: "获取验证码" }).click();
  await expect(dialog.getByTestId("masked-phone")).toHaveText(`${me.phone.slice(0, 3)}****${me.phone.slice(-4)}`);
  await expect(dialog.getByRole("button", { name: /重新获取（\d+秒）/ })).toBeDisabled();
  await dialog.getByLabel("短信验证码").fill("000000");
  await dialog.getByRole("button", { name: "签名确认" }).click();
  await expect(dialog.locator(".error")).toBeVisible();
  await shot(page, "applicant-sign-dialog");
  await dialog.getByLabel("短信验证码").fill(await latestSmsCode(me.phone));
  await dialog.getByRole("button", { name: "签名确认" }).click();

  await page.waitForURL(new RegExp(`/applicant/applications/${applicationId}\\?signed=1$`));
  await expect(page.getByTestId("status-label")).toHaveText("个人已签名（待企业签名）");
  await expect(page.getByText("已完成个人PDF电子签名")).toBeVisible();
  const signedLink = page
    .getByTestId("documents")
    .getByRole("link", { name: /二级造价工程师(（上海市）)?初始注册申请表_\d{14}\.pdf/ });
  await expect(signedLink).toBeVisible();
  const timeline = page.getByTestId("timeline");
  for (const title of ["创建申请", "已保存申请表", "个人已签名"])
    await expect(timeline.getByText(title, { exact: true }).first()).toBeVisible();
  await expect(timeline).toContainText("申请人");
  await shot(page, "applicant-application-detail");

  // 上报业务查询 lists it under 当前申报; 新增注册申请 names it as the blocking one (G2).
  await page.goto("/applicant/applications");
  await expect(page.getByRole("cell", { name: "个人已签名（待企业签名）" })).toBeVisible();
  await shot(page, "applicant-applications");
  await page.goto("/applicant/apply");
  await expect(page.getByTestId("blocking")).toContainText("个人已签名（待企业签名）");
  await expect(page.getByTestId("blocking").getByRole("link", { name: "查看该申请" })).toHaveAttribute(
    "href",
    `/applicant/applications/${applicationId}`,
  );

  // 修改 after signing voids the signature (G9), with a confirmation that says so.
  await page.goto(`/applicant/applications/${applicationId}`);
  await page.getByRole("button", { name: "修改", exact: true }).click();
  const modify = page.getByRole("dialog", { name: "修改申请表" });
  await expect(modify).toContainText("已签署的申请表文件将作废");
  await modify.getByRole("button", { name: "确定修改" }).click();
  await page.waitForURL(new RegExp(`/applicant/applications/${applicationId}/edit$`));
  await expect(page.getByRole("heading", { name: "申报信息" })).toBeVisible();
  await expect(page.getByRole("button", { name: "【个人数字签名】" })).toHaveCount(0);
  await page.goto(`/applicant/applications/${applicationId}`);
  await expect(page.getByTestId("status-label")).toHaveText("未申报（草稿）");
  await expect(page.getByTestId("timeline")).toContainText("个人修改申请表，原签名文件作废");
});

test("applicant: 补正 — 补正内容/补正原因 shown, files uploaded, 提交补正, then the action disappears (W4)", async ({
  page,
}) => {
  const me = await createApplicant("魏然");
  const [sh] = await query<{ id: string }>(
    `select id from authorities where level = 'provincial' and province_code = '31' limit 1`,
  );
  const [emp] = await query<{ employer_id: string }>(`select employer_id from people where id = $1`, [me.personId]);
  const [app] = await query<{ id: string }>(
    `insert into applications (person_id, program_code, type, specialty_code, employer_id, authority_id, ` +
      `current_level, status, version, saved_valid,
       applicant_signed_at, employer_signed_at, submitted_at, acceptance_no, correction, form_data)
     values ($1, 'cost2-sh', 'initial', '1', $2, $3, 1, 'correction_requested', 4, true, now(), now(), now(), $4,
       '{"content":"补充社保证明","reason":"请补正您在现聘用单位近6个月的社保缴纳证明","from":"pending_acceptance"}', '{}') returning id`,
    [me.personId, emp!.employer_id, sh!.id, `W2026119${String(Date.now() % 1_000_000).padStart(6, "0")}`],
  );
  await signIn(page, me.idNumber);
  await page.goto("/applicant/applications");
  await expect(page.getByRole("cell", { name: "省级未受理（待补正）" })).toBeVisible();
  await page.getByRole("link", { name: "补正", exact: true }).click();
  const panel = page.getByTestId("correction-panel");
  await expect(panel).toContainText("补正内容补充社保证明");
  await expect(panel).toContainText("补正原因请补正您在现聘用单位近6个月的社保缴纳证明");
  await expect(panel.getByRole("button", { name: "提交补正" })).toBeDisabled();
  await panel
    .getByLabel("+ 上传补正材料")
    .setInputFiles({ name: "社保证明.jpg", mimeType: "image/jpeg", buffer: await jpeg(1200, 1600, "#fafafa") });
  await expect(panel.getByRole("link", { name: "社保证明.jpg" })).toBeVisible();
  await shot(page, "applicant-correction");
  await panel.getByRole("button", { name: "提交补正" }).click();
  await expect(page.getByText("补正材料已提交")).toBeVisible();
  await expect(page.getByTestId("correction-panel")).toHaveCount(0);
  await expect(page.getByTestId("status-label")).toHaveText("省级未受理");
  await expect(page.getByTestId("timeline")).toContainText("已提交补正材料");
  await expect(page.getByTestId("documents")).toContainText("补正材料");
  expect(app!.id).toBeTruthy();
});

test("applicant: 领证 of a registration — 未领证 → download", async ({ page }) => {
  const me = await createApplicant("韩悦", { registration: true });
  await signIn(page, me.idNumber);
  await page.getByRole("navigation", { name: "功能菜单" }).getByRole("link", { name: "领证" }).click();
  await expect(page.getByTestId("certificate-state")).toHaveText("未领证");
  await shot(page, "applicant-certificates");
  await page.getByRole("button", { name: "领证" }).click();
  const download = page.getByRole("link", { name: "下载电子证书" });
  await expect(download).toBeVisible({ timeout: 30_000 });
  const href = await download.getAttribute("href");
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  await page.reload();
  await expect(page.getByTestId("certificate-state")).toHaveText("可下载");
});

test("applicant: another person's application and its form preview are not found", async ({ page }) => {
  const me = await createApplicant("邓珂");
  const [other] = await query<{ id: string }>(
    `select a.id from applications a join people p on p.id = a.person_id where p.id_number <> $1 limit 1`,
    [me.idNumber],
  );
  await signIn(page, me.idNumber);
  if (other) expect((await page.goto(`/applicant/applications/${other.id}`))?.status()).toBe(404);
  const res = await page.goto("/applicant/applications/00000000-0000-4000-8000-000000000000");
  expect(res?.status()).toBe(404);
  const pdf = await page.request.get("/applicant/applications/00000000-0000-4000-8000-000000000000/preview");
  expect(pdf.status()).toBe(404);
});
