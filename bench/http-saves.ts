/**
 * 保存 over HTTP (issue 12, items 2 and 3): the production server (`node dist/start.mjs`, built with `npm run build`)
 * started here as NODES processes, USERS signed-in applicants each posting the real 保存 server action
 * (app/applicant/applications/actions.ts#saveForm) to their own draft's 申请填报 page, as the browser does, for
 * SECONDS. Users are spread round-robin over the nodes (user k always talks to node k mod NODES — the bench is the
 * "load balancer"). Prints p50/p95 latency, saves/s, errors, every node's RSS (before, max during, after, 10 s after)
 * and the load average.
 *
 *   npm run build                                  # once: .next/ and dist/start.mjs of this checkout
 *   npx tsx bench/http-saves.ts                    # 1 node, 50 users × 30 s on portal_bench12
 *   BENCH_NODES=2 npx tsx bench/http-saves.ts      # 2 nodes on ports BENCH_PORT, BENCH_PORT+1
 *
 * Environment: BENCH_DB (portal_bench12; built by bench/build-data.ts when missing), BENCH_USERS (50),
 * BENCH_SECONDS (30), BENCH_NODES (1), BENCH_PORT (3205), BENCH_NODE_OPTIONS (flags for each node, e.g.
 * "--max-old-space-size=192 --trace-gc"; default: the flags of package.json's `start`, so the bench runs what
 * `npm start` runs), BENCH_POOL_MAX (DB_POOL_MAX per node, 10),
 * BENCH_WARMUP (seconds of saves before measuring, 20: the first seconds of a fresh node are still compiling and
 * run ~25 % slower), BENCH_TRACE (file: every measured save's start, latency and node, for finding where the tail
 * comes from), BENCH_NODE_OUTPUT (directory: each node's whole output, e.g. with --trace-gc), JOBS_MODE (worker),
 * BENCH_ACTION (saveForm: another action exported by app/applicant/applications/actions.ts that takes the same
 * input and answers ok with a version, e.g. a no-op added to a local build to measure the framework's own share).
 *
 * Sign-in: the bench writes each applicant's session cookie itself with the servers' NEXTAUTH_SECRET — the same
 * token the credentials sign-in issues (role, person, session generation, sign-in time) — because the sign-in form
 * is guarded by a proof-of-work captcha and per-address throttling that a load test from one address must not
 * defeat. Every save still goes through the server's full session check (the account re-read of the jwt callback).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { encode } from "next-auth/jwt";
import { closeDb } from "@/db/client";
import { E2E_DATABASE_APP_PASSWORD } from "../tests/e2e/support/secrets";
import { FULL_SCALE, openBenchDb } from "./db";
import { ms, percentiles, startFlags } from "./measure";

const USERS = Number(process.env.BENCH_USERS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 20);
const NODES = Number(process.env.BENCH_NODES ?? 1);
const PORT = Number(process.env.BENCH_PORT ?? 3205);
const NODE_OPTIONS = (process.env.BENCH_NODE_OPTIONS ?? startFlags()).split(/\s+/).filter(Boolean);
const ACTION_NAME = process.env.BENCH_ACTION ?? "saveForm";
const DB_NAME = process.env.BENCH_DB ?? "portal_bench12";
const SECRET = randomBytes(32).toString("base64url");
// The bench database's chains were written by the bench scripts outside production, on the development key.
const AUDIT_KEY = process.env.AUDIT_HMAC_KEY ?? "development-only-audit-chain-key";
const loadAverage = () =>
  `${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")} on ${os.cpus().length} cores`;

// --- the action id, as the browser has it (the build's server-reference manifest) ---------------------------------

function saveActionId(): string {
  const file = path.join(".next", "server", "server-reference-manifest.json");
  if (!fs.existsSync(file) || !fs.existsSync(path.join("dist", "start.mjs")))
    throw new Error("run `npm run build` first: .next/server/server-reference-manifest.json or dist/start.mjs missing");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string; workers?: Record<string, unknown> }>;
  };
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.exportedName === ACTION_NAME && entry.filename?.endsWith("app/applicant/applications/actions.ts"))
      return id;
  }
  throw new Error(`${ACTION_NAME} not found in the server-reference manifest (did the action move?)`);
}
const ACTION_ID = saveActionId();

// --- bench data: one applicant account and one draft per user --------------------------------------------------

const db = await openBenchDb(DB_NAME, FULL_SCALE);
const adminUrl = process.env.DATABASE_URL!;

type Drafter = { userId: string; name: string; personId: string; gen: number; applicationId: string; version: number };

async function drafters(): Promise<Drafter[]> {
  const out: Drafter[] = [];
  // Bench people are md5('bp' || n); take those who can hold a draft (no other application in flight).
  for (let n = 1; out.length < USERS && n < USERS * 20; n++) {
    const { rows } = await db.execute(sql`
      select p.id as person_id, p.name,
        (select a.program_code from applications a where a.person_id = p.id limit 1) as program_code
      from people p where p.id = md5(${`bp${n}`})::uuid`);
    const p = rows[0] as { person_id: string; name: string; program_code: string | null } | undefined;
    if (!p?.program_code) continue;
    const draft = (
      await db.execute(sql`
        select id, version from applications
        where person_id = ${p.person_id} and program_code = ${p.program_code} and status = 'draft' limit 1`)
    ).rows[0] as { id: string; version: number } | undefined;
    let app = draft;
    if (!app) {
      try {
        app = (
          await db.execute(sql`
            insert into applications (person_id, program_code, type, specialty_code, employer_id, status, form_data)
            select ${p.person_id}, ${p.program_code}, 'initial',
                   (select code from specialties where program_code = ${p.program_code} limit 1),
                   (select employer_id from people where id = ${p.person_id}), 'draft', '{}'
            returning id, version`)
        ).rows[0] as { id: string; version: number };
      } catch {
        continue; // another application of this person is in flight (G2): not a drafter
      }
    }
    await db.execute(sql`
      insert into user_accounts (role, login_name, display_name, person_id, phone)
      values ('applicant', ${`bench-saver:${p.person_id}`}, ${p.name}, ${p.person_id}, '13900000000')
      on conflict do nothing`);
    const account = (
      await db.execute(sql`
        select id, session_generation from user_accounts
        where person_id = ${p.person_id} and role = 'applicant' and not disabled limit 1`)
    ).rows[0] as { id: string; session_generation: number } | undefined;
    if (!account) continue;
    out.push({
      userId: account.id,
      name: p.name,
      personId: p.person_id,
      gen: account.session_generation,
      applicationId: app.id,
      version: app.version,
    });
  }
  if (out.length < USERS) throw new Error(`only ${out.length} bench applicants can hold a draft`);
  return out;
}
const users = await drafters();
await closeDb();

// --- the nodes ---------------------------------------------------------------------------------------------------

type Node = { port: number; child: ChildProcess; pid: number };

function rssMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN) / 1024;
  } catch {
    return NaN;
  }
}

/** User + system CPU seconds the process has used so far (/proc/<pid>/stat, clock ticks of 10 ms). */
function cpuSeconds(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

async function startNode(port: number): Promise<Node> {
  const child = spawn(process.execPath, [...NODE_OPTIONS, "dist/start.mjs"], {
    env: {
      ...process.env,
      NODE_OPTIONS: "",
      DATABASE_URL: adminUrl,
      PORT: String(port),
      PORTAL_LISTEN_ADDRESS: "127.0.0.1",
      PORTAL_URL: `http://127.0.0.1:${port}`,
      SEED_DEMO_DATA: "0",
      NEXTAUTH_SECRET: SECRET,
      AUDIT_HMAC_KEY: AUDIT_KEY,
      // portal_app is one role of the shared server: every start sets its password, so all use the test suite's.
      DATABASE_APP_PASSWORD: E2E_DATABASE_APP_PASSWORD,
      PORTAL_DATA_DIR: process.env.PORTAL_DATA_DIR ?? "test-results/bench-data",
      DB_POOL_MAX: process.env.BENCH_POOL_MAX ?? "10",
      // App nodes as docs/deploy.md runs them: the scheduled jobs live in `npm run worker`, not in the nodes.
      JOBS_MODE: process.env.JOBS_MODE ?? "worker",
      // What production logs: one JSON line per request (BENCH_LOG_LEVEL=warn measures without it).
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  // BENCH_NODE_OUTPUT=<dir>: each node's whole output (e.g. with --trace-gc in BENCH_NODE_OPTIONS) in <dir>/<port>.log.
  if (process.env.BENCH_NODE_OUTPUT) {
    const file = fs.createWriteStream(path.join(process.env.BENCH_NODE_OUTPUT, `${port}.log`));
    child.stdout!.pipe(file);
    child.stderr!.pipe(file);
  }
  child.stdout!.on("data", (d) => (output = (output + d).slice(-4000)));
  child.stderr!.on("data", (d) => (output = (output + d).slice(-4000)));
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`node on ${port} exited (${child.exitCode}):\n${output}`);
    const up = await new Promise<boolean>((resolve) => {
      const req = http.get({ host: "127.0.0.1", port, path: "/" }, (res) => {
        res.resume();
        resolve((res.statusCode ?? 500) < 500);
      });
      req.on("error", () => resolve(false));
    });
    if (up) break;
    if (Date.now() > deadline) throw new Error(`node on ${port} did not answer in 180 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return { port, child, pid: child.pid! };
}

async function stopNode(node: Node): Promise<void> {
  if (node.child.exitCode !== null) return;
  const exited = new Promise((r) => node.child.once("exit", r));
  node.child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  if (node.child.exitCode === null) node.child.kill("SIGKILL");
}

const nodes: Node[] = [];
try {
  // One after the other: each start migrates, and the first one creates the app role.
  for (let i = 0; i < NODES; i++) nodes.push(await startNode(PORT + i));
} catch (e) {
  for (const n of nodes) await stopNode(n);
  throw e;
}

// --- the load ----------------------------------------------------------------------------------------------------

const agent = new http.Agent({ keepAlive: true, maxSockets: USERS });
const maxAge = 30 * 60;
const cookies = await Promise.all(
  users.map(async (u) => {
    const token = {
      sub: u.userId,
      name: u.name,
      role: "applicant" as const,
      gen: u.gen,
      mustChangePassword: false,
      authAt: Date.now(),
      personId: u.personId,
      employerId: null,
      authorityId: null,
    };
    return `next-auth.session-token=${await encode({ token, secret: SECRET, maxAge })}`;
  }),
);

type Answer = { status: number; body: string };
function post(port: number, pathName: string, cookie: string, body: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        path: pathName,
        method: "POST",
        agent,
        headers: {
          accept: "text/x-component",
          "content-type": "text/plain;charset=UTF-8",
          "next-action": ACTION_ID,
          origin: `http://127.0.0.1:${port}`,
          cookie,
          "content-length": Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const times: number[] = [];
// BENCH_TRACE=<file>: every measured save as [start ms, latency ms, node index], to look at where the tail comes from.
const trace: [number, number, number][] = [];
const errors = new Map<string, number>();
const fail = (what: string) => errors.set(what, (errors.get(what) ?? 0) + 1);
let measuring = false;
let saves = 0;

async function saveOnce(k: number, round: number): Promise<void> {
  const u = users[k]!;
  const node = nodes[k % nodes.length]!;
  const input = {
    applicationId: u.applicationId,
    version: u.version,
    values: {
      employerPhone: "021-63210001",
      qualificationMethod: "考试",
      workExperience: [{ from: "2018-05-01", to: "", organisation: `工作单位 ${round}`, role: "造价工程师" }],
      achievements: [{ year: 2024, project: `第 ${round} 次保存的项目`, duty: "结算审核" }],
      applicantOpinion: true,
    },
    attachments: {},
  };
  const t = performance.now();
  let answer: Answer;
  try {
    answer = await post(
      node.port,
      `/applicant/applications/${u.applicationId}/edit`,
      cookies[k]!,
      JSON.stringify([input]),
    );
  } catch (e) {
    if (measuring) fail(`network: ${(e as Error).message}`);
    return;
  }
  const took = performance.now() - t;
  const version = /"ok":true[^\n]*?"version":(\d+)|"version":(\d+)[^\n]*?"ok":true/.exec(answer.body);
  if (answer.status !== 200 || !version) {
    if (measuring) fail(`HTTP ${answer.status}: ${answer.body.replace(/\s+/g, " ").slice(0, 160)}`);
    // A conflict or an unknown answer: take the current version from the database on the next round.
    const fresh = /"version":(\d+)/.exec(answer.body);
    if (fresh) u.version = Number(fresh[1]);
    return;
  }
  u.version = Number(version[1] ?? version[2]);
  if (measuring) {
    times.push(took);
    trace.push([Math.round(t), Math.round(took * 10) / 10, k % nodes.length]);
    saves++;
  }
}

async function run(seconds: number) {
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    users.map(async (_, k) => {
      for (let round = 0; Date.now() < until; round++) await saveOnce(k, round);
    }),
  );
}

const rssBefore = nodes.map((n) => rssMb(n.pid));
console.log(
  `${NODES} node(s) ${NODE_OPTIONS.join(" ") || "(no node flags)"}, ${USERS} applicants, ${SECONDS} s on ${DB_NAME}; ` +
    `action ${ACTION_ID.slice(0, 12)}…`,
);
console.log(`RSS after start: ${rssBefore.map((x) => `${x.toFixed(0)} MB`).join(", ")}; load ${loadAverage()}`);
if (WARMUP > 0) await run(WARMUP);
const maxRss = nodes.map((n) => rssMb(n.pid));
const sampler = setInterval(() => {
  for (const [i, n] of nodes.entries()) maxRss[i] = Math.max(maxRss[i]!, rssMb(n.pid));
}, 250);
/** PostgreSQL's CPU for this database (its backends run on this host): the sum over the backends serving it. */
async function databaseCpu(): Promise<Map<number, number>> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      "select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
      [DB_NAME],
    );
    return new Map(rows.map((r) => [r.pid, cpuSeconds(r.pid)]));
  } finally {
    await client.end();
  }
}
const dbCpuAtStart = await databaseCpu();
const loadAtStart = loadAverage();
const cpuAtStart = nodes.map((n) => cpuSeconds(n.pid));
const benchCpuAtStart = process.cpuUsage();
measuring = true;
const started = performance.now();
await run(SECONDS);
const elapsed = (performance.now() - started) / 1000;
measuring = false;
clearInterval(sampler);
const nodeCpu = nodes.map((n, i) => cpuSeconds(n.pid) - cpuAtStart[i]!);
const benchCpu = process.cpuUsage(benchCpuAtStart);
let dbCpu = 0;
for (const [pid, cpu] of await databaseCpu()) dbCpu += cpu - (dbCpuAtStart.get(pid) ?? 0);
const rssAfter = nodes.map((n) => rssMb(n.pid));
const { p50, p95 } = percentiles(times);
const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
console.log(
  `${saves} saves in ${elapsed.toFixed(1)} s = ${(saves / elapsed).toFixed(0)} saves/s   p50 ${ms(p50)}   ` +
    `p95 ${ms(p95)}   errors ${errorCount}`,
);
for (const [what, n] of errors) console.log(`  ${n} × ${what}`);
if (process.env.BENCH_TRACE) fs.writeFileSync(process.env.BENCH_TRACE, JSON.stringify(trace));
// CPU time does not depend on how many other tenants share the cores: it says what one save costs a node.
const cpuMs = (s: number) => `${((s * 1000) / Math.max(saves, 1)).toFixed(1)} ms`;
console.log(
  `node CPU per save: ${nodeCpu.map(cpuMs).join(", ")} (node ${nodeCpu.map((s) => `${s.toFixed(1)} s`).join(", ")} ` +
    `of ${elapsed.toFixed(1)} s); this bench's own CPU per save ` +
    `${cpuMs((benchCpu.user + benchCpu.system) / 1e6)}; PostgreSQL backends of ${DB_NAME} ${cpuMs(dbCpu)}`,
);
console.log(`load average at start ${loadAtStart}; at end ${loadAverage()}`);
await new Promise((r) => setTimeout(r, 10_000));
const rssLater = nodes.map((n) => rssMb(n.pid));
for (const [i, n] of nodes.entries()) {
  console.log(
    `node ${i + 1} (pid ${n.pid}): RSS after start ${rssBefore[i]!.toFixed(0)} MB, max during ` +
      `${maxRss[i]!.toFixed(0)} MB, after ${rssAfter[i]!.toFixed(0)} MB, 10 s after ${rssLater[i]!.toFixed(0)} MB`,
  );
}
agent.destroy();
for (const n of nodes) await stopNode(n);
if (errorCount > 0) process.exitCode = 1;
