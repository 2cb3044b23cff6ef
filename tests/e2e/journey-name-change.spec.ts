import { randomInt } from "node:crypto";
import { expect, test } from "@playwright/test";
import { usccCheckChar } from "@/lib/domain/id-checksums";
import { jpeg, signInApplicant } from "./support/applicant-steps";
import { query } from "./support/database";
import { menu, screen, signIn, ZJ_EMPLOYER } from "./support/review-helpers";

function residentId(first17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((a, c, i) => a + Number(c) * w[i]!, 0);
  return first17 + "10X98765432"[sum % 11];
}

/**
 * A 浙江 employer and one registered holder of its own (renaming a demo employer would change what other journeys
 * see), sign-in passwords copied from the demo accounts.
 */
async function employerWithHolder() {
  const tag = String(randomInt(1e6)).padStart(6, "0");
  // Sign-in checks the code's check character, so the fixture computes it.
  const uscc17 = `91330100MA2E${tag}`.slice(0, 17);
  const uscc = uscc17 + usccCheckChar(uscc17);
  const name = `杭州更名测试咨询有限公司${tag}`;
  const [e] = await query<{ id: string }>(
    `insert into employers (name, uscc, kind, province_code, contact_phone) values ($1, $2, 'cost_consulting', ` +
      `'33', '0571-80000000') returning id`,
    [name, uscc],
  );
  await query(
    `insert into user_accounts (role, login_name, password_hash, display_name, employer_id)
     select 'employer', $1, password_hash, $2, $3 from user_accounts where role = 'employer' and login_name = $4`,
    [uscc, name, e!.id, ZJ_EMPLOYER],
  );
  const idNumber = residentId(
    `33010619850${randomInt(9) + 1}1${randomInt(10)}${String(randomInt(1000)).padStart(3, "0")}`,
  );
  const phone = `136${tag}${String(randomInt(100)).padStart(2, "0")}`;
  const [p] = await query<{ id: string }>(
    `insert into people (name, gender, birth_date, id_type, id_number, phone, employer_id, province_code) values ` +
      `('孙更名', 'male', '1985-01-01', 'resident_id', $1, $2, $3, '33') returning id`,
    [idNumber, phone, e!.id],
  );
  await query(
    `insert into user_accounts (role, login_name, password_hash, display_name, person_id)
     select 'applicant', $1, a.password_hash, '孙更名', $2 from user_accounts a join people q on q.id = a.person_id ` +
      `where q.id_number = '440305199302140027'`,
    [`resident_id:${idNumber}`, p!.id],
  );
  const registrationNo = `建[造]21223301${tag}`;
  await query(
    `insert into registrations (person_id, program_code, specialty_code, registration_no, seal_no, employer_id, ` +
      `employer_name, employer_province_code,
       issuing_authority_id, valid_from, valid_to, status, certificate_state)
     select $1, 'cost2-zj', '1', $2, $5, $3, $4, '33', id, current_date - 365, current_date + 900, 'active', ` +
      `'unclaimed' from authorities where code = 'zj'`,
    [p!.id, registrationNo, e!.id, name, `${registrationNo}-01`],
  );
  return { uscc, name, idNumber, registrationNo };
}

test("R4: 单位名称变更 → 审核通过 → the holder is told, claims the renamed certificate, and it verifies", async ({
  browser,
}) => {
  const fx = await employerWithHolder();
  const newName = `杭州更名后工程咨询有限公司${fx.registrationNo.slice(-6)}`;

  const employer = await (await browser.newContext()).newPage();
  await signIn(employer, "employer", fx.uscc, "/employer");
  await employer.getByRole("link", { name: "办理单位名称变更" }).click();
  await expect(employer.getByRole("heading", { name: "单位名称变更" })).toBeVisible();
  // Missing proof: a plain message, nothing filed.
  await employer.getByLabel(/变更后的单位名称/).fill(newName);
  await employer.getByRole("button", { name: "提交名称变更" }).click();
  await expect(employer.getByText("请上传名称变更证明")).toBeVisible();
  await employer
    .locator("#proof")
    .setInputFiles({ name: "营业执照.jpg", mimeType: "image/jpeg", buffer: await jpeg(1200, 1600, "#f4f1e8") });
  await employer.getByRole("button", { name: "提交名称变更" }).click();
  await expect(employer.getByText("名称变更已提交")).toBeVisible();
  await expect(employer.getByTestId("name-changes")).toContainText("待审核");
  await screen(employer, "employer-name-change-filed");

  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, "staff", "zj_reviewer", "/review");
  await menu(reviewer).getByRole("link", { name: "单位名称变更审核" }).click();
  const item = reviewer.getByTestId("name-change-item").filter({ hasText: newName });
  await expect(item).toContainText(fx.name);
  await expect(item).toContainText("1 本");
  // The proof opens for the reviewer of the employer's province.
  const proof = await reviewer.request.get((await item.getByRole("link", { name: "查看证明" }).getAttribute("href"))!);
  expect(proof.headers()["content-type"]).toBe("image/jpeg");
  await item.getByRole("button", { name: "审核通过" }).click();
  await expect(reviewer.getByText("已审核通过")).toBeVisible();

  await employer.reload();
  await expect(employer.getByTestId("name-changes")).toContainText("已通过");

  // The holder is told in 我的消息 (and by SMS), claims the new e-certificate, and the public verifies it.
  const [sms] = await query<{ body: string }>(
    "select o.body from sms_outbox o join people p on p.phone = o.phone where p.id_number = $1 order by o.id desc " +
      "limit 1",
    [fx.idNumber],
  );
  expect(sms!.body).toContain(newName);
  const holder = await (await browser.newContext()).newPage();
  await signInApplicant(holder, fx.idNumber);
  await holder.goto("/applicant/messages");
  await expect(holder.getByText("聘用单位名称变更，请重新领证").first()).toBeVisible();
  await holder.goto("/applicant/certificates");
  await holder.getByRole("button", { name: "领证" }).click();
  const download = holder.getByRole("link", { name: "下载电子证书" });
  await expect(download).toBeVisible({ timeout: 30_000 });
  const certificate = await (await holder.request.get((await download.getAttribute("href"))!)).body();

  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(`/verify/${encodeURIComponent(fx.registrationNo)}`);
  await expect(anonymous.getByTestId("certificate-facts")).toContainText(newName);
  await anonymous.goto("/verify");
  await anonymous
    .locator("#certificate-file")
    .setInputFiles({ name: "证书.pdf", mimeType: "application/pdf", buffer: certificate });
  await anonymous.getByRole("button", { name: "开始核验" }).click();
  await expect(anonymous.getByTestId("signature-result")).toContainText("签名有效", { timeout: 30_000 });
  await expect(anonymous.getByTestId("register-result")).toContainText("与注册库一致");
  await screen(anonymous, "name-change-verified");
});
