import { EventEmitter } from "node:events";
import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, it, vi } from "vitest";
import { admissionGate, concurrencyFromEnv } from "@/lib/server/admission";

/** Just enough of a response for the gate: it ends ("finish"), or the client goes away ("close"). */
class FakeResponse extends EventEmitter {
  destroyed = false;
  end() {
    this.emit("finish");
    this.emit("close");
  }
  abort() {
    this.destroyed = true;
    this.emit("close");
  }
}
const response = () => new FakeResponse() as FakeResponse & ServerResponse;
const settle = () => new Promise((r) => setImmediate(r));

afterEach(() => vi.useRealTimers());

describe("admission control in front of Next (issue 12)", () => {
  it("lets at most `concurrency` requests in, then the next ones in arrival order as earlier ones end", async () => {
    const admit = admissionGate({ concurrency: 2, holdMs: 60_000 });
    const started: number[] = [];
    const responses = [0, 1, 2, 3].map(() => response());
    for (const [i, res] of responses.entries()) admit("/applicant", res, () => started.push(i));
    await settle();
    expect(started).toEqual([0, 1]);
    responses[1]!.end();
    await settle();
    expect(started).toEqual([0, 1, 2]);
    responses[0]!.end();
    await settle();
    expect(started).toEqual([0, 1, 2, 3]);
  });

  it("a request that takes longer than the hold time (an upload, an export) stops blocking the others", async () => {
    vi.useFakeTimers();
    const admit = admissionGate({ concurrency: 1, holdMs: 100 });
    const started: string[] = [];
    admit("/applicant/uploads", response(), () => started.push("slow upload"));
    admit("/applicant", response(), () => started.push("page"));
    await vi.advanceTimersByTimeAsync(99);
    expect(started).toEqual(["slow upload"]);
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toEqual(["slow upload", "page"]);
  });

  it("skips a request whose client went away while it waited", async () => {
    const admit = admissionGate({ concurrency: 1, holdMs: 60_000 });
    const started: string[] = [];
    const first = response();
    const gone = response();
    admit("/a", first, () => started.push("a"));
    admit("/b", gone, () => started.push("b"));
    admit("/c", response(), () => started.push("c"));
    await settle();
    expect(started).toEqual(["a"]);
    gone.abort();
    first.end();
    await settle();
    expect(started).toEqual(["a", "c"]);
  });

  it("static files and health checks never wait", async () => {
    const admit = admissionGate({ concurrency: 1, holdMs: 60_000 });
    const started: string[] = [];
    for (const path of ["/applicant", "/_next/static/chunks/a.js", "/healthz", "/readyz", "/review"])
      admit(path, response(), () => started.push(path));
    await settle();
    expect(started.sort()).toEqual(["/_next/static/chunks/a.js", "/applicant", "/healthz", "/readyz"]);
  });

  it("0 turns it off; PORTAL_CONCURRENCY defaults to 16 and refuses what is not a whole number", () => {
    const admit = admissionGate({ concurrency: 0 });
    const started: number[] = [];
    for (let i = 0; i < 50; i++) admit("/applicant", response(), () => started.push(i));
    expect(started).toHaveLength(50);
    expect(concurrencyFromEnv(undefined)).toBe(16);
    expect(concurrencyFromEnv(" ")).toBe(16);
    expect(concurrencyFromEnv("0")).toBe(0);
    expect(concurrencyFromEnv("24")).toBe(24);
    expect(() => concurrencyFromEnv("many")).toThrow(/PORTAL_CONCURRENCY/);
    expect(() => concurrencyFromEnv("-1")).toThrow(/不小于 0 的整数/);
  });
});
