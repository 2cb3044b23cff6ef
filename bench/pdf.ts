/**
 * PDF generation and signing timings: `npx tsx bench/pdf.ts [runs] [workers]` (default 100 runs, one worker per CPU).
 * Prints p50/p95 in ms for the application form, applicant + employer signing, verification and the certificate,
 * then each document's latency while ten are generated at once — in this process (Node runs the CPU-bound render
 * on one thread, so the ten queue) and on a pool of worker threads (issue 12, item 5: targets p95 ≤ 150 ms for the
 * form and ≤ 200 ms for the certificate). Every index is a different person, so font subsets are not all cached.
 */
import { randomBytes } from "node:crypto";
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
 * CPU time this process spent per document (user + system), which the other tenants of a shared machine do not
 * inflate the way they inflate wall-clock time: ten at once on N idle cores take about 10 / N times this.
 */
function cpuNote(before: NodeJS.CpuUsage, runs: number): string {
  const used = process.cpuUsage(before);
  return `, CPU ${((used.user + used.system) / 1000 / runs).toFixed(1)} ms each`;
}

async function measure(label: string, fn: (i: number) => Promise<unknown>): Promise<void> {
  await fn(-1); // warm-up (font file read, WASM init)
  const times: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  report(label, times, cpuNote(cpu, RUNS));
}

/** Ten at a time, as ten users printing at once would: each document's own latency from start to finish. */
async function measureParallel(label: string, fn: (i: number) => Promise<unknown>, concurrency = 10): Promise<void> {
  await fn(-1);
  const times: number[] = [];
  for (let b = 0; b < Math.max(1, Math.ceil(RUNS / concurrency)); b++) {
    await Promise.all(
      Array.from({ length: concurrency }, async (_, k) => {
        const t = performance.now();
        await fn(1000 + b * concurrency + k);
        times.push(performance.now() - t);
      }),
    );
  }
  report(label, times, `, ${concurrency} at once`);
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
  `PDF bench — Node ${process.version}, ${os.cpus().length} CPUs, form ${(unsigned.length / 1024).toFixed(0)} KiB, ` +
    `signed twice ${(signedTwice.length / 1024).toFixed(0)} KiB`,
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
