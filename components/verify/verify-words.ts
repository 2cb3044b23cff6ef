/**
 * Texts for the 证书查验 client components, in the page's language (ADR 0010: strings as props, no next-intl in the
 * browser). Server-only: the pages call these.
 */
import { getLocale } from "next-intl/server";
import { messagesFor, type Messages } from "@/lib/i18n/catalog";

type Verify = Messages["public"]["verify"];

export type FactLabels = Verify["facts"];
export type UploadVerifierWords = Verify["upload"] & { facts: FactLabels; status: Verify["status"] };

export async function factLabels(): Promise<FactLabels> {
  return messagesFor(await getLocale()).public.verify.facts;
}

export async function uploadVerifierWords(): Promise<UploadVerifierWords> {
  const v = messagesFor(await getLocale()).public.verify;
  return { ...v.upload, facts: v.facts, status: v.status };
}
