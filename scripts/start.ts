/**
 * `npm start`: database (embedded unless DATABASE_URL is set) → migrations → demo data on first start → `next start`.
 */
import { spawn } from "node:child_process";
import { demoAccounts } from "@/db/seed/demo";
import { installationSecret, prepareDatabase } from "./prepare-database";

const port = Number(process.env.PORT ?? 3000);
// The audit chain key lives next to the data, never in the database; demo data written below is chained with it.
process.env.AUDIT_HMAC_KEY ??= installationSecret("audit-hmac-key");
const { embedded, seeded } = await prepareDatabase();
process.env.NEXTAUTH_SECRET ??= installationSecret("nextauth-secret");
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
process.env.NEXT_TELEMETRY_DISABLED = "1";

if (seeded) console.log("已写入演示数据。");
console.log(`\n执业注册平台: http://localhost:${port}\n`);
if (process.env.SEED_DEMO_DATA !== "0") {
  console.log("演示账号（角色 / 姓名或单位 / 账号 / 密码）:");
  for (const a of demoAccounts()) console.log(`  ${a.role}\t${a.name}\t${a.idLabel} ${a.login}\t${a.password}`);
  console.log("短信验证码不外发，写入 sms_outbox 表（管理员可在 /admin/sms-outbox 查看）。\n");
}

// Our own HTTP server in front of Next's handler: it knows the socket address (client IP, TRUSTED_PROXIES).
const next = spawn(process.execPath, ["--import", "tsx", "scripts/http-server.ts"], {
  stdio: "inherit",
  env: { ...process.env, PORT: String(port), NODE_ENV: "production" },
});

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  next.kill("SIGTERM");
  await embedded?.stop().catch(() => {});
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
next.on("exit", (code) => void shutdown(code ?? 0));
