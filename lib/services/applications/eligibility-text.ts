import type { Reason } from "@/lib/domain/eligibility";
import type { ApplicationStatus, ApplicationType, EmployerKind } from "@/lib/domain/types";
import { named, say, type Said } from "../errors";

/**
 * An eligibility reason (lib/domain/eligibility.ts) as a text for any reader: the domain's Chinese exactly as it is,
 * and in other languages the `errors.eligibility.<code>` message with its values; codes among them (type, status,
 * employer kind) are named in the reader's language.
 */
export function reasonText(reason: Reason): Said {
  if (!reason.code) return say("eligibility.other", {}, reason.message);
  const values: Record<string, string | number | ReturnType<typeof named>> = { ...reason.values };
  const v = reason.values ?? {};
  if (typeof v.type === "string") values.type = named(`type.${v.type as ApplicationType}`);
  if (typeof v.status === "string") values.status = named(`status.${v.status as ApplicationStatus}`);
  if (typeof v.employerKind === "string") values.employerKind = named(`employerKind.${v.employerKind as EmployerKind}`);
  return say(`eligibility.${reason.code}`, values, reason.message);
}
