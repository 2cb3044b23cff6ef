"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { z } from "zod";
import { uuid } from "@/lib/schemas/common";
import { positional } from "@/app/_lib/action-pipeline";
import { portalUrl } from "@/lib/server/portal-url";
import { claimCertificate } from "@/lib/services/documents/claim-certificate";

/** 领证 (R3): 未领证 → 生成中 → 可下载. The argument is the registration's id. */
export const claim = positional("applicant", z.tuple([uuid]), async ([registrationId], { actor }) => {
  // The QR code's verification link uses the configured public address, never the request's Host header.
  const fileId = await claimCertificate(getDb(), actor, registrationId, portalUrl());
  revalidatePath("/applicant/certificates");
  return { fileId };
});
