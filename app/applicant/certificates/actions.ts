"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import type { Outcome } from "@/components/applicant/outcome";
import { claimCertificate } from "@/lib/services/documents/claim-certificate";
import { act } from "../_lib/act";

/** The public address printed in the certificate's QR code (verification page). */
async function baseUrl(): Promise<string> {
  if (process.env.NEXTAUTH_URL) return process.env.NEXTAUTH_URL;
  const h = await headers();
  return `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost"}`;
}

/** 领证 (R3): 未领证 → 生成中 → 可下载. */
export async function claim(registrationId: string): Promise<Outcome<{ fileId: string }>> {
  const url = await baseUrl();
  const res = await act(async ({ actor }) => ({ fileId: await claimCertificate(getDb(), actor, String(registrationId), url) }));
  revalidatePath("/applicant/certificates");
  return res;
}
