/** `npm run pki:rewrap`: after switching PORTAL_KEK and listing the old one in PORTAL_KEK_PREVIOUS (docs/deploy.md). */
import { closeDb, getDb } from "@/db/client";
import { rewrapSigningKeys } from "@/lib/server/pki/rewrap";

if (!process.env.DATABASE_URL) {
  console.error("npm run pki:rewrap 需要 DATABASE_URL。");
  process.exit(1);
}
const out = await rewrapSigningKeys(getDb());
console.log(`已用新的密钥加密密钥重新加密 ${out.rewrapped} 个签名私钥；${out.alreadyCurrent} 个已是新密钥。`);
await closeDb();
if (out.unreadable.length) {
  console.error(
    `${out.unreadable.length} 个签名私钥无法用已配置的任何密钥加密密钥解开（PORTAL_KEK_PREVIOUS 是否缺少旧密钥？）：${out.unreadable.join("，")}`,
  );
  process.exit(1);
}
