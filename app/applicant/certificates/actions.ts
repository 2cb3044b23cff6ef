"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import type { Outcome } from "@/components/applicant/outcome";
import { portalUrl } from "@/lib/server/portal-url";
import { claimCertificate } from "@/lib/services/documents/claim-certificate";
import { act } from "../_lib/act";

/** 领证 (R3): 未领证 → 生成中 → 可下载. */
export async function claim(registrationId: string): Promise<Outcome<{ fileId: string }>> {
  // The QR code's verification link uses the configured public address, never the request's Host header.
  const url = portalUrl();
  const res = await act(async ({ actor }) => ({ fileId: await claimCertificate(getDb(), actor, String(registrationId), url) }));
  revalidatePath("/applicant/certificates");
  return res;
}
