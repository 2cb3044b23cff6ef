/**
 * Takes an 一级造价 application accepted by 上海 (review-fixture.ts, stage "accepted", reviewer sh_reviewer) through
 * the real services to a published 公示公告 batch of 住建部 (W6):
 *
 *   npx tsx tests/e2e/support/publicity-fixture.ts '{"applicationId":"…","title":"…"}'
 *
 * Prints one JSON line: { noticeId }.
 */
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import * as s from "@/db/schema";
import type { Actor } from "@/lib/services/actor";
import { acceptApplication } from "@/lib/services/applications/accept-application";
import { forwardApplication } from "@/lib/services/applications/forward-application";
import { publishNotice } from "@/lib/services/applications/publish-notice";
import { publishNoticeBatch } from "@/lib/services/notices/publish-notice-batch";
import { e2eDatabaseUrl } from "./database";
import { E2E_AUDIT_HMAC_KEY } from "./secrets";

process.env.DATABASE_URL = e2eDatabaseUrl();
process.env.PORTAL_DATA_DIR ??= "test-results/e2e-data";
process.env.AUDIT_HMAC_KEY = E2E_AUDIT_HMAC_KEY; // the server's key: these events join its audit chains
const { applicationId, title } = JSON.parse(process.argv[2] ?? "{}") as { applicationId: string; title: string };
const db = getDb();

async function reviewer(loginName: string): Promise<Actor> {
  const [a] = await db.select().from(s.userAccounts).where(eq(s.userAccounts.loginName, loginName));
  return { userId: a!.id, role: a!.role, displayName: a!.displayName, authorityId: a!.authorityId };
}
const version = async () =>
  (await db.select({ v: s.applications.version }).from(s.applications).where(eq(s.applications.id, applicationId)))[0]!
    .v;

await forwardApplication(db, await reviewer("sh_reviewer"), { applicationId, version: await version() });
const mo = await reviewer("mohurd_reviewer");
await acceptApplication(db, mo, { applicationId, version: await version() });
await publishNotice(db, mo, { applicationId, version: await version(), outcome: "pass" });
const { notice } = await publishNoticeBatch(db, mo, {
  title,
  body: "公示期内如有异议，请以书面形式向住房和城乡建设部反映。",
  endsOn: "2099-12-31",
  applicationIds: [applicationId],
});
console.log(JSON.stringify({ noticeId: notice.id }));
await closeDb();
