/**
 * The wizard's zod schema loads in its own chunk (issue 12 item 4). When that chunk cannot be fetched (a flaky
 * connection), 保存 must still send the input — the server's parse of the same schema answers — not fail silently.
 */
import { describe, expect, it, vi } from "vitest";
import { checkWizardForm, type WizardForm } from "@/components/applicant/wizard/form-model";
import type { WizardField } from "@/lib/queries/applicant-wizard";

vi.mock("@/components/applicant/wizard/wizard-check", () => {
  throw new Error("Failed to load chunk");
});

const APP = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
const fields = [{ name: "employerPhone", label: "企业联系电话", kind: "text", source: "input" }] as WizardField[];

describe("the wizard's check without its schema chunk", () => {
  it("passes the input through unchecked so the save action's own parse reports problems", async () => {
    const form: WizardForm = { applicationId: APP, version: 1, values: { employerPhone: "x\u0000" }, files: {} };
    const res = await checkWizardForm(fields, form);
    expect(res.problems).toEqual({});
    expect(res.input).toEqual({
      applicationId: APP,
      version: 1,
      values: { employerPhone: "x\u0000" },
      attachments: {},
    });
  });
});
