/**
 * The PDF bench itself (see bench/pdf.ts, which starts this file under the server's memory and GC flags).
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import { Worker } from "node:worker_threads";
import { renderApplicationForm } from "@/lib/server/pdf/application-form";
import { renderCertificate } from "@/lib/server/pdf/certificate";
import { signPdf } from "@/lib/server/pdf/sign-pdf";
import { verifyPdfSignatures } from "@/lib/server/pdf/verify-pdf";
import { createRootCertificateAuthority, createSigningIdentity } from "@/lib/server/pki";
import { benchImages, certificateData, formData } from "./pdf-fixtures";

const RUNS = Number(process.argv[2] ?? 100);
const WORKERS = Number(process.argv[3] ?? os.availableParallelism());
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" ");

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function report(label: string, times: number[], note: string): void {
  times.sort((a, b) => a - b);
  const f = (p: number) => percentile(times, p).toFixed(1).padStart(7);
  console.log(`${label.padEnd(40)} p50 ${f(50)} ms   p95 ${f(95)} ms   (n=${times.length}${note}, load ${load()})`);
}

/**
 * CPU time of the main thread in ms (Linux: utime + stime of /proc/self/task/<pid>, 10 ms ticks), or NaN elsewhere.
 * Rendering runs on this thread; zlib streams go to libuv's pool and V8 collects garbage on helper threads, so with
 * two cores ten documents rendered at once in one process take about 10 × this, or 10 / 2 × the process CPU
 * below, whichever is larger.
 */
function mainThreadCpu(): number {
  try {
    const fields = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/**
 * CPU time this process spent per document (user + system, all threads), which the other tenants of a shared
 * machine do not inflate the way they inflate wall-clock time; and that of the main thread.
 */
function cpuNote(before: NodeJS.CpuUsage, mainBefore: number, runs: number): string {
  const used = process.cpuUsage(before);
  const main = (mainThreadCpu() - mainBefore) / runs;
  return `, CPU ${((used.user + used.system) / 1000 / runs).toFixed(1)} ms each (main thread ${main.toFixed(1)})`;
}

/**
 * Warm-up renders before timing: a server renders many documents, so the JIT has compiled the render path. Their
 * people (indices 600…) are not among those timed (0…, and 1000… ≡ 380… as names repeat every 620 indices).
 */
const WARMUP = 5;
const warmupIndex = (i: number) => 600 + i;

async function measure(label: string, fn: (i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < WARMUP; i++) await fn(warmupIndex(i)); // font files, WASM, JIT
  const times: number[] = [];
  const cpu = process.cpuUsage();
  const main = mainThreadCpu();
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  report(label, times, cpuNote(cpu, main, RUNS));
}

/** Ten at a time, as ten users printing at once would: each document's own latency from start to finish. */
async function measureParallel(label: string, fn: (i: number) => Promise<unknown>, concurrency = 10): Promise<void> {
  for (let i = 0; i < WARMUP; i++) await fn(warmupIndex(i));
  const times: number[] = [];
  const cpu = process.cpuUsage();
  const main = mainThreadCpu();
  const batches = Math.max(1, Math.ceil(RUNS / concurrency));
  for (let b = 0; b < batches; b++) {
    await Promise.all(
      Array.from({ length: concurrency }, async (_, k) => {
        const t = performance.now();
        await fn(1000 + b * concurrency + k);
        times.push(performance.now() - t);
      }),
    );
  }
  report(label, times, `, ${concurrency} at once${cpuNote(cpu, main, batches * concurrency)}`);
}

/** A fixed pool of worker threads; `run` queues a render and resolves when a worker has finished it. */
async function workerPool(size: number) {
  const idle: Worker[] = [];
  const queue: (() => void)[] = [];
  const waiting = new Map<number, (size: number) => void>();
  let nextId = 0;
  const workers = await Promise.all(
    Array.from(
      { length: size },
      () =>
        new Promise<Worker>((resolve) => {
          const w = new Worker(new URL("./pdf-worker.mjs", import.meta.url));
          w.on("message", (m: { ready?: boolean; id: number; size: number }) => {
            if (m.ready) return resolve(w);
            waiting.get(m.id)!(m.size);
            waiting.delete(m.id);
            const next = queue.shift();
            idle.push(w);
            next?.();
          });
        }),
    ),
  );
  idle.push(...workers);
  const run = (kind: "form" | "certificate", i: number) =>
    new Promise<number>((resolve) => {
      const start = () => {
        const id = nextId++;
        waiting.set(id, resolve);
        idle.pop()!.postMessage({ id, kind, i });
      };
      if (idle.length) start();
      else queue.push(start);
    });
  return { run, close: () => Promise.all(workers.map((w) => w.terminate())) };
}

const images = await benchImages();
const ca = await createRootCertificateAuthority();
const kek = randomBytes(32);
const person = await createSigningIdentity(ca, kek, { kind: "person", id: "p", commonName: "王堃" });
const employer = await createSigningIdentity(ca, kek, {
  kind: "employer",
  id: "e",
  commonName: "上海建和工程咨询有限公司",
});
const nodeFlags = process.execArgv.filter((a) => /^--(max|heap|v8)/.test(a)).join(" ");
const unsigned = await renderApplicationForm(formData(0, images));
const applicantSigner = { ...person, caCertificatePem: ca.certificatePem };
const employerSigner = { ...employer, caCertificatePem: ca.certificatePem };
const applicantSigns = () =>
  signPdf(unsigned, applicantSigner, {
    role: "applicant",
    name: "王堃",
    reason: "申请人确认",
    signedAt: new Date(),
    image: images.signature,
  });
const signedOnce = await applicantSigns();
const employerSigns = () =>
  signPdf(signedOnce, employerSigner, {
    role: "employer",
    name: "上海建和工程咨询有限公司",
    reason: "聘用单位确认",
    signedAt: new Date(),
  });
const signedTwice = await employerSigns();

console.log(
  `PDF bench — Node ${process.version} ${nodeFlags}, ${os.cpus().length} CPUs, ` +
    `form ${(unsigned.length / 1024).toFixed(0)} KiB, signed twice ${(signedTwice.length / 1024).toFixed(0)} KiB`,
);
await measure("application form (render)", (i) => renderApplicationForm(formData(i, images)));
await measure("sign: applicant (with image)", applicantSigns);
await measure("sign: employer (2nd signature)", employerSigns);
await measure("verify (2 signatures)", async () => verifyPdfSignatures(signedTwice, ca.certificatePem));
await measure("certificate (render, with QR)", (i) => renderCertificate(certificateData(i, images)));
await measureParallel("application form, 10 at once in-process", (i) => renderApplicationForm(formData(i, images)));
await measureParallel("certificate, 10 at once in-process", (i) => renderCertificate(certificateData(i, images)));
const pool = await workerPool(WORKERS);
// Each worker loads the fonts and harfbuzz once: warm all of them before measuring.
await Promise.all(Array.from({ length: WORKERS * 2 }, (_, k) => pool.run(k % 2 ? "form" : "certificate", -1 - k)));
await measureParallel(`application form, 10 at once, ${WORKERS} workers`, (i) => pool.run("form", i));
await measureParallel(`certificate, 10 at once, ${WORKERS} workers`, (i) => pool.run("certificate", i));
await pool.close();
