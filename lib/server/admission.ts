import type { ServerResponse } from "node:http";
import pLimit from "p-limit";
import { ConfigurationError } from "./configuration-error";

/**
 * Admission control in front of Next (scripts/start.ts): at most `concurrency` requests are inside Next at once; the
 * rest wait, in arrival order, before Next has allocated anything for them.
 *
 * Why: under load every request in flight keeps its objects alive across the young-generation GCs, so V8 promotes
 * them and runs a full mark-compact every second or so (≈ 190 ms of marking CPU each on two cores, and a stall of
 * every request in flight). With 50 users saving back to back, letting 16 in at a time took one node from 372 to 434–
 * 457 saves/s and its CPU per save from 3.0 to 2.4 ms (docs/performance.md, issue 12). Under a normal load fewer
 * than `concurrency` requests are in flight and nothing waits.
 *
 * A request holds its place until its response ends or `holdMs` has passed, whichever comes first: a slow upload, a
 * streamed export or a long PDF then stops counting against the limit, so it never blocks the requests behind it.
 */
export type AdmissionOptions = { concurrency: number; holdMs?: number };
export type Admit = (path: string, res: ServerResponse, run: () => void) => void;

/** Requests that never wait: static files (cheap, and a page needs them) and the health checks load balancers poll. */
const ALWAYS_ADMITTED = /^\/(_next\/static\/|healthz$|readyz$|favicon\.ico$)/;

export function admissionGate({ concurrency, holdMs = 100 }: AdmissionOptions): Admit {
  if (!Number.isInteger(concurrency) || concurrency <= 0) return (_path, _res, run) => run();
  const limit = pLimit(concurrency);
  return (path, res, run) => {
    if (ALWAYS_ADMITTED.test(path)) return run();
    void limit(
      () =>
        new Promise<void>((release) => {
          // The client gave up while waiting: nothing to serve, the place goes to the next.
          if (res.destroyed) return release();
          const timer = setTimeout(release, holdMs);
          const done = () => {
            clearTimeout(timer);
            release();
          };
          res.once("finish", done);
          res.once("close", done);
          run();
        }),
    );
  };
}

/**
 * PORTAL_CONCURRENCY: how many requests one node lets into Next at once (default 16; 0 turns admission control off).
 * A wrong value stops the start with a message instead of silently serving without a limit.
 */
export function concurrencyFromEnv(value: string | undefined = process.env.PORTAL_CONCURRENCY): number {
  if (value === undefined || value.trim() === "") return 16;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    throw new ConfigurationError(`PORTAL_CONCURRENCY 必须是不小于 0 的整数（0 表示不限制），现在是 “${value}”。`);
  }
  return n;
}
