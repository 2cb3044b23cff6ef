/**
 * Structured JSON logs (pino) on stdout, one object per line: `time`, `level`, `msg`, and where known `requestId`,
 * `account`, `action`. Identity numbers never reach the log: every line passes through maskIdNumbers on its way out.
 */
import pino from "pino";

/** 310101198803150012 → 310101********0012 (also inside login names such as resident_id:…). */
export function maskIdNumbers(text: string): string {
  return text
    .replace(/(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[0-9Xx])(?![0-9A-Za-z])/g, "$1********$2")
    .replace(/(?<![0-9A-Za-z])([A-Z]{1,2})\d{6}(\([0-9A]\))/g, "$1******$2");
}

type Holder = { logger?: pino.Logger };
const processGlobal = globalThis as { __portalLog?: Holder };
processGlobal.__portalLog ??= {};
const holder = processGlobal.__portalLog;

export function log(): pino.Logger {
  holder.logger ??= pino({
    level: process.env.LOG_LEVEL ?? "info",
    base: { service: "portal" },
    timestamp: pino.stdTimeFunctions.isoTime,
    hooks: { streamWrite: maskIdNumbers },
  });
  return holder.logger;
}

/** Logs an unexpected error once, with its stack, and the context it happened in. */
export function logError(err: unknown, context: Record<string, unknown> & { msg?: string } = {}): void {
  const { msg, ...rest } = context;
  log().error(
    { ...rest, err: err instanceof Error ? err : new Error(String(err)) },
    msg ?? (err instanceof Error ? err.message : "error"),
  );
}
