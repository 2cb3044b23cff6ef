import { expect, test } from "@playwright/test";
import { createApplicant, shot, signInApplicant, uploadAttachments, uploadPortrait } from "./support/applicant-steps";

/**
 * 申报信息's own form state (use-wizard-form.ts, which replaced react-hook-form for the page-weight budget, issue 12
 * item 4): what the other wizard specs do not reach — 保存 refused in the browser by the save schema (message under
 * the cell, focus on it, nothing sent), a table row removed above a refused one (its message moves up with it), a
 * fixed cell losing its message, and "dirty" coming and going with the values, not with each keystroke.
 */
test("申报信息: refused before sending, rows added and removed with their messages, dirty only when changed", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const me = await createApplicant("卫琪", "cost2-sh", "1");
  await signInApplicant(page, me.idNumber);
  await uploadPortrait(page);
  await page.goto("/applicant/apply");
  await page.getByTestId("program-cost2-sh").getByRole("button", { name: "初始注册（土木建筑工程）" }).click();
  await page.waitForURL(/\/applicant\/applications\/[0-9a-f-]+\/edit$/);
  await page.getByLabel("全选").check();
  await page.getByRole("button", { name: "下一步" }).click();
  await page.getByLabel("本人做出上述承诺").check();
  const confirm = page.getByRole("button", { name: /^确认/ });
  await expect(confirm).toBeEnabled({ timeout: 75_000 });
  await confirm.click();
  await expect(page.getByRole("heading", { name: "申报信息" })).toBeVisible();

  const table = page.getByRole("table", { name: /主要工作业绩/ });
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(3);
  const firstYear = await table.getByLabel("第1行年度").inputValue();
  await page.locator('[data-field="achievements"]').getByRole("button", { name: "添加一行" }).click();
  await expect(rows).toHaveCount(4);
  const tooLong = table.getByLabel("第4行项目名称");
  await tooLong.fill("长".repeat(2001));

  // The save schema refuses a 2001-character cell: nothing is sent, the cell says why and has the focus.
  const save = page.getByRole("button", { name: "保存", exact: true });
  await save.click();
  await expect(page.getByTestId("problem")).toHaveText("有填写内容无法保存，请按红字提示修改后再点击“保存”。");
  await expect(tooLong).toHaveAttribute("aria-invalid", "true");
  await expect(tooLong).toBeFocused();
  await expect(rows.nth(3).locator(".error")).toHaveText(/2000/);
  await shot(page, "wizard-form-state-refused");

  // Removing the first row moves the refused row, and its message, up to row 3.
  await rows.first().getByRole("button", { name: "删除" }).click();
  await expect(rows).toHaveCount(3);
  const moved = table.getByLabel("第3行项目名称");
  await expect(moved).toHaveValue("长".repeat(2001));
  await expect(moved).toHaveAttribute("aria-invalid", "true");
  await expect(rows.nth(2).locator(".error")).toHaveText(/2000/);

  // After a 保存, a change re-checks its cell: the fixed cell loses its message.
  await moved.fill("北横通道新建工程");
  await expect(moved).not.toHaveAttribute("aria-invalid", "true");
  await expect(table.locator(".error")).toHaveCount(0);
  await table.getByLabel("第3行年度").fill(firstYear);
  await table.getByLabel("第3行本人承担的工作").fill("造价负责人");

  await uploadAttachments(page);
  await page.locator('[data-field="applicantOpinion"] input[type=checkbox]').check();
  await save.click();
  await expect(page.getByTestId("print-form")).toBeVisible();
  await uploadAttachments(page);
  await save.click();
  await expect(page.getByText("保存成功，数据已通过校验")).toBeVisible();
  const sign = page.getByRole("button", { name: "【个人数字签名】" });
  await expect(sign).toBeVisible();

  // A change hides the verdict and 【个人数字签名】; typing the saved value back shows them again.
  const phone = page.locator('[data-field="employerPhone"] input');
  const saved = await phone.inputValue();
  await phone.fill(`${saved}9`);
  await expect(sign).toHaveCount(0);
  await expect(page.getByText("有未保存的修改。")).toBeVisible();
  await expect(page.getByText("保存成功，数据已通过校验")).toHaveCount(0);
  await phone.fill(saved);
  await expect(sign).toBeVisible();

  // What was saved is what a reload shows.
  await page.reload();
  await expect(rows).toHaveCount(3);
  await expect(table.getByLabel("第3行项目名称")).toHaveValue("北横通道新建工程");
  await expect(page.getByRole("button", { name: "【个人数字签名】" })).toBeVisible();
});
