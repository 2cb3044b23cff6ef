/**
 * Builds the 1,000,000-application benchmark database once (issue 12, item 6):
 *   npx tsx bench/build-data.ts            (BENCH_DB=portal_bench12, BENCH_RESET=1 rebuilds)
 */
import { closeDb } from "@/db/client";
import { FULL_SCALE, openBenchDb } from "./db";

await openBenchDb(process.env.BENCH_DB ?? "portal_bench12", FULL_SCALE, { reset: process.env.BENCH_RESET === "1" });
await closeDb();
