/**
 * The database role the portal serves as (ASVS V1.4.x, V7.3.3): `portal_app`, created by migration 0012 with only
 * DML rights — read and append on the audit streams, no ownership, no superuser, no replication. The owner (the
 * connection that migrates) sets the role up; the serving connection is then checked to really be that weak.
 */
import { sql } from "drizzle-orm";
import pg from "pg";
import type { Database } from "@/db/client";
import { ConfigurationError } from "./configuration-error";

const APP_ROLE = "portal_app";

/**
 * Lets `portal_app` log in with `password` and returns the owner's URL rewritten to that login. Used when only the
 * owner connection is configured (embedded database, or DATABASE_URL alone): the start then serves as portal_app.
 */
export async function enableAppLogin(ownerUrl: string, password: string): Promise<string> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    // ALTER ROLE takes no bind parameters; the literal is escaped by the driver.
    await client.query(`alter role ${APP_ROLE} login password ${client.escapeLiteral(password)}`);
  } catch (e) {
    if ((e as { code?: string }).code === "42501") {
      throw new ConfigurationError(
        `数据库用户无权为 ${APP_ROLE} 设置登录密码：请由数据库管理员为 ${APP_ROLE} 设置密码，并同时设置 DATABASE_OWNER_URL（迁移用的属主连接）和 ` +
          `DATABASE_URL（${APP_ROLE} 的连接），见 docs/deploy.md。`,
      );
    }
    throw e;
  } finally {
    await client.end();
  }
  const u = new URL(ownerUrl);
  u.username = APP_ROLE;
  u.password = encodeURIComponent(password);
  return u.toString();
}

/**
 * Rights on pg-boss's schema (installed by the owner at the start, see lib/server/jobs/queue.ts): the job queue only
 * reads and writes its rows at run time. Granted on every start so queues a release adds are covered.
 */
export async function grantJobSchema(db: Database): Promise<void> {
  await db.execute(sql.raw(`grant usage on schema pgboss to ${APP_ROLE}`));
  await db.execute(sql.raw(`grant select, insert, update, delete on all tables in schema pgboss to ${APP_ROLE}`));
  await db.execute(sql.raw(`grant usage, select on all sequences in schema pgboss to ${APP_ROLE}`));
}

/**
 * Why the serving connection is too strong to keep the audit trail tamper-evident, or null. Checked at every start:
 * a superuser or the tables' owner could switch off the append-only triggers and rewrite events.
 */
export async function servingRoleProblem(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{
      user: string;
      super: boolean;
      repl: boolean;
      bypass: boolean;
      owns: boolean;
      change: boolean;
    }>(`
      select current_user as user, r.rolsuper as super, r.rolreplication as repl, r.rolbypassrls as bypass,
             pg_has_role(current_user, t.tableowner, 'USAGE') as owns,
             has_table_privilege('public.application_events', 'UPDATE, DELETE, TRUNCATE')
               or has_table_privilege('public.security_events', 'UPDATE, DELETE, TRUNCATE') as change
        from pg_roles r, pg_tables t
       where r.rolname = current_user and t.schemaname = 'public' and t.tablename = 'application_events'`);
    const r = rows[0];
    if (!r) return "无法读取服务连接的角色信息";
    if (r.super || r.repl || r.bypass) return `服务连接的数据库用户 ${r.user} 是超级用户或有复制权限`;
    if (r.owns) return `服务连接的数据库用户 ${r.user} 拥有业务表（是属主或属主角色的成员）`;
    if (r.change) return `服务连接的数据库用户 ${r.user} 可以修改或删除审计记录`;
    return null;
  } finally {
    await client.end();
  }
}
