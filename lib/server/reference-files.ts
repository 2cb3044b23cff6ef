/**
 * Reference data an installation adds as files: every `*.json` in PORTAL_REFERENCE_DIR (default
 * `${PORTAL_DATA_DIR}/reference`) holds authorities and provincial programs (schema: lib/schemas/reference-data.ts).
 * The start applies them to the database; every server process registers their programs at boot (instrumentation.ts),
 * so a province appears after a restart with no code edit.
 */
import fs from "node:fs";
import path from "node:path";
import { BUILT_IN_AUTHORITIES } from "@/db/reference/authorities";
import type { ReferenceData } from "@/db/reference/sync";
import { allPrograms, makeProvincialCost2Program, registerProgram, type Program } from "@/lib/domain/programs";
import { referenceFileSchema, type AuthorityDefinition } from "@/lib/schemas/reference-data";
import { ConfigurationError } from "./configuration-error";

function referenceDir(): string {
  return path.resolve(
    /*turbopackIgnore: true*/ process.env.PORTAL_REFERENCE_DIR ??
      path.join(process.env.PORTAL_DATA_DIR ?? ".data", "reference"),
  );
}

/** Reads and validates every reference file in `dir` (none → empty). Throws ConfigurationError naming the bad file. */
function readReferenceFiles(dir = referenceDir()): { programs: Program[]; authorities: AuthorityDefinition[] } {
  const programs: Program[] = [];
  const authorities: AuthorityDefinition[] = [];
  if (!fs.existsSync(dir)) return { programs, authorities };
  for (const name of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const file = path.join(dir, name);
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
      throw new ConfigurationError(
        `参考数据文件 ${file} 不是有效的 JSON（${(e as Error).message}），请修正后重新启动。`,
      );
    }
    const parsed = referenceFileSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ConfigurationError(
        `参考数据文件 ${file} 的 ${issue.path.join(".")} 有误：${issue.message}。请修正后重新启动。`,
      );
    }
    authorities.push(...parsed.data.authorities);
    for (const def of parsed.data.programs) {
      const { kind: _kind, ...input } = def;
      programs.push(makeProvincialCost2Program(input));
    }
  }
  return { programs, authorities };
}

/** Registers the programs of the reference files in this process; returns everything the database sync needs. */
export function loadReferenceData(dir = referenceDir()): ReferenceData {
  const extra = readReferenceFiles(dir);
  for (const p of extra.programs) registerProgram(p);
  return { programs: allPrograms(), authorities: [...BUILT_IN_AUTHORITIES, ...extra.authorities] };
}
