import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { ConfigurationError } from "@/lib/server/configuration-error";
import { maskIdNumbers } from "@/lib/server/log";
import { checkPortalUrl, portalUrl } from "@/lib/server/portal-url";
import { checkWritableDirectory, explainDatabaseError } from "@/lib/server/startup-checks";

const URL_ = "postgres://portal:secret@db.internal:5433/portal";
/** A driver error as drizzle wraps it (DrizzleQueryError → cause = pg error with a SQLSTATE or errno code). */
const wrapped = (code: string) =>
  Object.assign(new Error("Failed query: select 1"), { cause: Object.assign(new Error("x"), { code }) });

describe("bad configuration gets one plain sentence", () => {
  it("names an unreachable server, a missing database and wrong credentials, and says what to do", () => {
    const unreachable = explainDatabaseError(
      Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
      URL_,
    );
    expect(unreachable).toBeInstanceOf(ConfigurationError);
    expect((unreachable as Error).message).toMatch(/无法连接数据库服务器 db\.internal:5433/);
    const missing = explainDatabaseError(wrapped("3D000"), URL_) as Error;
    expect(missing.message).toMatch(
      /没有名为 portal 的数据库：请先创建它（例如 createdb -h db\.internal -U portal portal）/,
    );
    expect((explainDatabaseError(wrapped("28P01"), URL_) as Error).message).toMatch(
      /数据库用户 portal 的用户名或密码不正确/,
    );
    for (const m of [unreachable, missing].map((e) => (e as Error).message)) {
      expect(m).not.toMatch(/\n|secret/);
    }
  });

  it("leaves other errors alone (a bug keeps its stack)", () => {
    const bug = new TypeError("x is undefined");
    expect(explainDatabaseError(bug, URL_)).toBe(bug);
  });

  it("says a data directory cannot be written", () => {
    expect(() => checkWritableDirectory("/dev/null/portal")).toThrow(
      /数据目录 \/dev\/null\/portal 无法写入.*PORTAL_DATA_DIR/,
    );
  });

  const title1 =
    "PORTAL_URL: validated, trailing slash dropped; missing in production is a configuration error, never " +
    "localhost";
  it(title1, () => {
    expect(checkPortalUrl("https://zhuce.example.gov.cn/")).toBe("https://zhuce.example.gov.cn");
    expect(() => checkPortalUrl("zhuce.example.gov.cn")).toThrow(/不是有效的网址/);
    expect(() => checkPortalUrl("ftp://x.cn")).toThrow(/https/);
    const saved = { url: process.env.PORTAL_URL, env: process.env.NODE_ENV };
    try {
      delete process.env.PORTAL_URL;
      (process.env as Record<string, string>).NODE_ENV = "production";
      expect(() => portalUrl()).toThrow(ConfigurationError);
      process.env.PORTAL_URL = "https://zhuce.example.gov.cn";
      expect(portalUrl()).toBe("https://zhuce.example.gov.cn");
    } finally {
      if (saved.url === undefined) delete process.env.PORTAL_URL;
      else process.env.PORTAL_URL = saved.url;
      (process.env as Record<string, string | undefined>).NODE_ENV = saved.env;
    }
  });
});

describe("structured logs", () => {
  it("mask identity numbers wherever they appear, and keep other numbers", () => {
    expect(maskIdNumbers("login resident_id:310101198803150012 failed")).toBe(
      "login resident_id:310101********0012 failed",
    );
    expect(maskIdNumbers('{"idNumber":"11010819790405004X"}')).toBe('{"idNumber":"110108********004X"}');
    expect(maskIdNumbers("acceptance W2026113200001 phone 13800000001")).toBe(
      "acceptance W2026113200001 phone 13800000001",
    );
  });

  it("are JSON lines with the request id and account, masked on the way out", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write: (chunk, _e, cb) => {
        lines.push(String(chunk));
        cb();
      },
    });
    const logger = pino({ hooks: { streamWrite: maskIdNumbers } }, sink);
    logger.info(
      { requestId: "r-123456789", account: "applicant:abc", action: "POST /applicant/apply" },
      "resident_id:310101198803150012",
    );
    const line = JSON.parse(lines[0]!);
    expect(line).toMatchObject({
      requestId: "r-123456789",
      account: "applicant:abc",
      action: "POST /applicant/apply",
      msg: "resident_id:310101********0012",
    });
  });
});
