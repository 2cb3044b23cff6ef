/**
 * Turns the ways an installation can be misconfigured into one plain sentence each (what is wrong, what to run),
 * instead of a driver or migrator stack trace. Used by the start and by the operator commands.
 */
import fs from "node:fs";
import path from "node:path";
import { ConfigurationError } from "./configuration-error";

function describeTarget(url: string): { host: string; database: string; user: string } {
  try {
    const u = new URL(url);
    return {
      host: `${u.hostname}:${u.port || "5432"}`,
      database: decodeURIComponent(u.pathname.slice(1)) || "postgres",
      user: decodeURIComponent(u.username) || "（未指定）",
    };
  } catch {
    return { host: "?", database: "?", user: "?" };
  }
}

/** Finds the PostgreSQL/driver error inside drizzle's wrappers. */
function rootCause(e: unknown): { code?: string; message?: string } {
  let cur = e as { code?: string; message?: string; cause?: unknown; errors?: unknown[] } | undefined;
  for (let i = 0; i < 5 && cur; i++) {
    if (cur.code) return cur;
    if (Array.isArray(cur.errors) && cur.errors[0]) return rootCause(cur.errors[0]);
    cur = cur.cause as typeof cur;
  }
  return (e as { message?: string }) ?? {};
}

/** A ConfigurationError for a database connection failure, or the original error when it is something else. */
export function explainDatabaseError(e: unknown, url: string): unknown {
  const { code } = rootCause(e);
  const t = describeTarget(url);
  switch (code) {
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
      return new ConfigurationError(
        `无法连接数据库服务器 ${t.host}（DATABASE_URL）：请确认 PostgreSQL 已启动、地址和端口正确，或不设 DATABASE_URL 以使用内置数据库。`,
      );
    case "3D000":
      return new ConfigurationError(
        `数据库服务器 ${t.host} 上没有名为 ${t.database} 的数据库：请先创建它（例如 createdb -h ${t.host.split(":")[0]} -U ${t.user} ` +
          `${t.database}），再重新启动。`,
      );
    case "28P01":
    case "28000":
      return new ConfigurationError(`数据库用户 ${t.user} 的用户名或密码不正确（DATABASE_URL）：请核对后重新启动。`);
    case "42501":
      return new ConfigurationError(
        `数据库用户 ${t.user} 没有在 ${t.database} 中建表的权限：请授予（GRANT CREATE ON DATABASE ${t.database} TO ${t.user}，并在 ` +
          `PostgreSQL 15 及以上授予 public 模式的 CREATE 权限）后重新启动。`,
      );
    default:
      return e;
  }
}

/** Makes sure `dir` exists and can be written; otherwise one sentence naming the directory. */
export function checkWritableDirectory(dir: string, variable = "PORTAL_DATA_DIR"): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    const probe = path.join(dir, `.write-test-${process.pid}`);
    fs.writeFileSync(probe, "");
    fs.rmSync(probe);
  } catch (e) {
    throw new ConfigurationError(
      `数据目录 ${dir} 无法写入（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）：请用 ${variable} 指定一个运行账号可写的目录，` +
        `或修改该目录的权限。`,
    );
  }
}

/** Prints a ConfigurationError as one line and exits; anything else is a bug and keeps its stack. */
export function exitOnConfigurationError(e: unknown): never {
  if (e instanceof ConfigurationError) {
    console.error(`启动失败：${e.message}`);
  } else {
    console.error(e);
  }
  process.exit(1);
}
