import { expect, test, type Page } from "@playwright/test";
import { createApplicant, jpeg, signInApplicant } from "./support/applicant-steps";
import { query } from "./support/database";
import { signIn } from "./support/review-helpers";

/**
 * 我的申辩 (T3, G6), end to end: a reviewer flags 社保异常 on a person by 证件号码 → the person's draft filing gains the
 * 社保确认 step and 我的消息 says why → the person appeals in 我的申辩 with an explanation and a proof scan → the
 * reviewer accepts → the flag is cleared, the filing no longer asks for 社保确认, and every step is on the timeline.
 */

async function draftFor(personId: string): Promise<string> {
  const [sh] = await query<{ id: string }>(
    `select id from authorities where level = 'provincial' and province_code = '31' limit 1`,
  );
  const [app] = await query<{ id: string }>(
    `insert into applications (person_id, program_code, type, specialty_code, employer_id, authority_id, ` +
      `current_level, status, version, saved_valid, form_data)
     select $1, 'cost2-sh', 'initial', '1', p.employer_id, $2, 1, 'draft', 1, false, '{}' from people p where p.id ` +
      `= $1 returning id`,
    [personId, sh!.id],
  );
  return app!.id;
}

const wizardSteps = (page: Page) => page.getByRole("list", { name: "申报步骤" });

test("T3: flag → appeal with proof → accepted → the 社保确认 step of the filing disappears", async ({ browser }) => {
  const me = await createApplicant(`申辩${Date.now() % 10000}`, "cost2-sh", "1");
  const appId = await draftFor(me.personId);

  const reviewer = await browser.newPage();
  await signIn(reviewer, "staff", "sh_reviewer", "/review");
  await reviewer.goto("/review/appeals");
  await reviewer.getByLabel("证件号码").fill(me.idNumber);
  await reviewer.getByLabel("异常类型").selectOption({ label: "社保异常" });
  await reviewer.getByLabel("异常情况说明").fill("社保缴纳单位与聘用单位不一致");
  await reviewer.getByRole("button", { name: "标记异常" }).click();
  await expect(reviewer.getByText("已标记异常，申请人已收到通知。")).toBeVisible();

  const applicant = await browser.newPage();
  await signInApplicant(applicant, me.idNumber);
  await applicant.goto(`/applicant/applications/${appId}/edit`);
  await expect(wizardSteps(applicant)).toContainText("社保确认");
  await applicant.goto("/applicant/messages");
  await expect(applicant.getByText("您被标记为社保异常")).toBeVisible();

  await applicant.goto("/applicant/appeals");
  const card = applicant.getByTestId("anomaly");
  await expect(card).toContainText("社保异常（未解除）");
  // Without proof the appeal is refused with a message next to the field.
  await card.getByLabel("申辩理由").fill("本人社保一直由本单位缴纳，附近6个月缴费证明。");
  await card.getByRole("button", { name: "提交申辩" }).click();
  await expect(card.getByText("请上传证明材料（JPG 或 PNG 扫描件）。").first()).toBeVisible();
  await card
    .getByLabel("证明材料")
    .setInputFiles({ name: "社保缴费证明.jpg", mimeType: "image/jpeg", buffer: await jpeg(1200, 1600, "#fafafa") });
  await card.getByRole("button", { name: "提交申辩" }).click();
  await expect(applicant.getByText("申辩已提交，审批机构处理后将通过“我的消息”告知结果。")).toBeVisible();
  await expect(applicant.getByTestId("anomaly")).toContainText("申辩（处理中）");

  await reviewer.goto("/review/appeals");
  const pending = reviewer.getByTestId("pending-appeal").filter({ hasText: me.idNumber });
  await expect(pending).toContainText("本人社保一直由本单位缴纳");
  await pending.getByLabel("处理意见").fill("经核实，社保由聘用单位缴纳，异常解除。");
  await pending.getByRole("button", { name: "采纳申辩（解除异常）" }).click();
  await expect(reviewer.getByText("已采纳申辩，异常已解除，申请人已收到通知。")).toBeVisible();

  await applicant.goto("/applicant/appeals");
  await expect(applicant.getByTestId("anomaly")).toContainText("社保异常（已解除）");
  const timeline = applicant.getByRole("list", { name: "办理过程" });
  await expect(timeline).toContainText("标记异常");
  await expect(timeline).toContainText("提交申辩");
  await expect(timeline).toContainText("采纳申辩，异常解除");
  await applicant.goto("/applicant/messages");
  await expect(applicant.getByText("您的社保异常申辩已被采纳，异常已解除")).toBeVisible();
  await applicant.goto(`/applicant/applications/${appId}/edit`);
  await expect(wizardSteps(applicant)).toBeVisible();
  await expect(wizardSteps(applicant)).not.toContainText("社保确认");
});
