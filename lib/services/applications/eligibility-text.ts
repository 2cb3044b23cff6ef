import type { Reason } from "@/lib/domain/eligibility";
import type { Program } from "@/lib/domain/programs";
import { reasonText as filingReasonText } from "@/lib/i18n/filing";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { inEach, type Said, say } from "../errors";

/**
 * An eligibility reason (lib/domain/eligibility.ts) inside a refusal: the domain's Chinese exactly as it is, and in
 * other languages the text 新增注册申请 shows for the same reason (lib/i18n/filing.ts), so a refusal and the page
 * explain it in the same words.
 */
export function reasonText(program: Program, reason: Reason): Said {
  // A reason is one clause of the refusal's list: its own full stop would double the list's punctuation.
  const texts = Object.fromEntries(
    LOCALES.map((l) => [l, filingReasonText(l, program, reason).replace(/\.$/, "")]),
  ) as Record<Locale, string>;
  return say("eligibility.reason", { reason: inEach(texts) }, reason.message);
}
