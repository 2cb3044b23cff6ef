import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { serialCounters } from "@/db/schema";

/**
 * Next serial in a scope (e.g. one registration-number prefix). A single upsert: concurrent transactions queue on the
 * counter row, so two callers can never receive the same value; a rolled-back transaction gives its value back.
 */
export async function allocateSerial(tx: Executor, scope: string): Promise<number> {
  const [row] = await tx
    .insert(serialCounters)
    .values({ scope, value: 1 })
    .onConflictDoUpdate({ target: serialCounters.scope, set: { value: sql`${serialCounters.value} + 1` } })
    .returning({ value: serialCounters.value });
  return row!.value;
}
