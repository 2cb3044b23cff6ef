import type { Executor } from "@/db/client";
import type { FiledFacts } from "@/lib/domain/filed-facts";
import type { Commitment } from "@/lib/domain/transitions";
import type { Actor } from "../actor";
import { transitionApplication } from "./transition";

/**
 * 个人数字签名 (G5, G6, G8): after a valid save and the commitment, the applicant signs and the application goes to
 * the employer (or straight to the authority for types without an employer step). The PDF signature itself is made by
 * the caller before this (issue 4); this records the decision race-safely.
 */
export async function signApplication(
  db: Executor,
  actor: Actor,
  input: {
    applicationId: string;
    version: number;
    commitment: Commitment;
    socialInsuranceConfirmed?: boolean;
    formPdfFileId?: string;
    filed?: FiledFacts;
    acceptanceNo?: string;
  },
  now = new Date(),
) {
  return transitionApplication(db, actor, {
    applicationId: input.applicationId,
    expectedVersion: input.version,
    action: "sign",
    input: { commitment: input.commitment, socialInsuranceConfirmed: input.socialInsuranceConfirmed },
    set: {
      ...(input.formPdfFileId ? { formPdfFileId: input.formPdfFileId } : {}),
      ...(input.filed ? { filed: input.filed } : {}),
      ...(input.acceptanceNo ? { acceptanceNo: input.acceptanceNo } : {}),
    },
    now,
  });
}
