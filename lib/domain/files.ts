/** F1: size and format limits per upload kind are program settings (rules.md §P). */
import { professionName } from "./programs";
import type { Program } from "./programs/types";
import type { FileKind } from "./types";

export interface UploadDescription {
  readonly fileName: string;
  readonly bytes: number;
  readonly width?: number;
  readonly height?: number;
}

const kb = (bytes: number) => `${Math.round(bytes / 1024)}KB`;

/**
 * One refusal of an upload: its plain-Chinese `message`, and a `code` with `values` (sizes in KB, formats, the
 * extension; "—" = none) from which other languages say the same (issue 14 item 4).
 */
export type UploadProblem = {
  readonly message: string;
  readonly code: "format" | "tooBig" | "outOfRange";
  readonly values: Readonly<Record<string, string | number>>;
};

/** Refusals of an upload; empty = accepted. Recommended pixel sizes are advice, never a refusal. */
export function uploadProblems(program: Program, kind: FileKind, file: UploadDescription): UploadProblem[] {
  const limit = program.files[kind];
  const ext = file.fileName.includes(".") ? (file.fileName.split(".").pop() ?? "").toLowerCase() : "";
  const out: UploadProblem[] = [];
  const formats = limit.formats.join("/");
  const [min, max, size] = [kb(limit.minBytes ?? 0), kb(limit.maxBytes), kb(file.bytes)];
  if (!limit.formats.includes(ext))
    out.push({
      message: `文件格式须为 ${formats}（当前为 ${ext || "无扩展名"}）`,
      code: "format",
      values: { formats, ext: ext || "—" },
    });
  if (file.bytes > limit.maxBytes)
    out.push({ message: `文件不能超过 ${max}（当前 ${size}）`, code: "tooBig", values: { max, size } });
  if (limit.minBytes !== undefined && file.bytes < limit.minBytes)
    out.push({
      message: `文件须在 ${min}~${max} 之间（当前 ${size}）`,
      code: "outOfRange",
      values: { min, max, size },
    });
  return out;
}

/** The refusals in plain Chinese; empty = accepted. */
export function checkUpload(program: Program, kind: FileKind, file: UploadDescription): string[] {
  return uploadProblems(program, kind, file).map((p) => p.message);
}

/**
 * F2: the application form PDF is named `{项目}{类型}申请表_yyyyMMddHHmmss.pdf` (`002`), e.g.
 * 二级造价工程师初始注册申请表_20211129091825.pdf. `at` is a local ISO date-time; its digits are used as written.
 */
export function applicationPdfName(program: Program, typeLabel: string, at: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(at);
  if (!m) throw new Error(`not an ISO date-time: ${at}`);
  const project = professionName(program);
  return `${project}${typeLabel.replace(/（.*）$/, "")}申请表_${m.slice(1, 7).join("")}.pdf`;
}

/** F3: after both signatures the signed PDF and the 行政审批受理通知书 can be viewed and printed. */
export function signedDocumentsAvailable(app: {
  readonly signedAt: string | null;
  readonly countersignedAt: string | null;
}): boolean {
  return app.signedAt !== null && app.countersignedAt !== null;
}
