import type { AttachmentSlot, WizardField } from "@/lib/queries/applicant-wizard";
import type { SaveFormInput } from "@/lib/schemas/applications";

/**
 * The wizard's form model (issue 8 item 2). The form holds what the applicant sees — table cells as typed, uploaded
 * files with their names — and is checked, on 保存, by the very zod schema the save action parses on the server
 * (`saveFormSchema`), applied to exactly the input that is then sent. The state itself is use-wizard-form.ts.
 */
type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;
export type FileMeta = NonNullable<AttachmentSlot["file"]>;
export type WizardForm = {
  applicationId: string;
  version: number;
  values: Record<string, Cell | Row[]>;
  /** Attachment code → the uploaded file, or null while none is uploaded. */
  files: Record<string, FileMeta | null>;
};

export const str = (v: unknown) => (v === null || v === undefined ? "" : String(v));

/** Numbers typed in table cells are sent as numbers; anything else stays text so the server can say what is wrong. */
function toPayload(fields: WizardField[], values: WizardForm["values"]) {
  const out: SaveFormInput["values"] = {};
  for (const f of fields) {
    if (f.source !== "input" || f.name === "specialty") continue;
    const v = values[f.name];
    if (f.kind === "table") {
      out[f.name] = (Array.isArray(v) ? v : []).map((r) =>
        Object.fromEntries(
          (f.columns ?? []).map((c) => {
            const cell = str(r[c.name]).trim();
            return [c.name, c.kind === "number" && /^\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell];
          }),
        ),
      );
    } else if (f.kind === "boolean") out[f.name] = v === true;
    else out[f.name] = str(v);
  }
  return out;
}

/** What 保存 sends to the save action. */
function toInput(fields: WizardField[], form: WizardForm): SaveFormInput {
  const attachments = Object.fromEntries(Object.entries(form.files).flatMap(([code, f]) => (f ? [[code, f.id]] : [])));
  return {
    applicationId: form.applicationId,
    version: form.version,
    values: toPayload(fields, form.values),
    attachments,
  };
}

type Check = (input: SaveFormInput) => Record<string, string>;
let schemaCheck: Promise<Check | null> | null = null;

/**
 * zod and the save schema are ≈55 KB gzipped, more than the page's whole first-load budget (issue 12 item 4), and are
 * needed only when 保存 is pressed: they load in their own chunk (wizard-check.ts), started when the form mounts
 * (preloadWizardSchema) so the first 保存 does not wait. A failed load is retried on the next 保存.
 */
function loadSchemaCheck(): Promise<Check | null> {
  schemaCheck ??= import("./wizard-check").then(
    (m) => m.problemsOf,
    () => {
      schemaCheck = null;
      return null;
    },
  );
  return schemaCheck;
}

export function preloadWizardSchema(): void {
  void loadSchemaCheck();
}

/**
 * What 保存 would send and its problems by form path under the save action's schema. Without the schema (its chunk
 * failed to load) there are none: the input is sent as it is and the server's own parse is the check.
 */
export async function checkWizardForm(fields: WizardField[], form: WizardForm) {
  const input = toInput(fields, form);
  const check = await loadSchemaCheck();
  return { input, problems: check ? check(input) : {} };
}

/**
 * A field key the server reports (`name`, `table[2].col`, `attachments.code`; a schema error names only the innermost
 * field) → the form path whose input shows it.
 */
export function formPath(key: string): `values.${string}` | `files.${string}` {
  if (key.startsWith("attachments.")) return `files.${key.slice("attachments.".length)}`;
  return `values.${key.replace(/\[(\d+)\]/g, ".$1")}`;
}

/** Form paths → the message shown under each input (from the schema or from the server). */
export type Problems = Record<string, string>;

const blank = (v: unknown) => v === undefined || v === null || v === "" || v === false;

/**
 * Whether two states of the form show the same thing — "dirty" is "not the same as the last save". An input never
 * touched, emptied or unticked all count as blank, so typing and deleting again leaves the form unchanged.
 */
export function sameForm(a: unknown, b: unknown): boolean {
  if (blank(a) && blank(b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  return [...new Set([...Object.keys(x), ...Object.keys(y)])].every((k) => sameForm(x[k], y[k]));
}

/** The problems after row `index` of `table` is removed: that row's go, the rows below move up one with theirs. */
export function withoutRow(problems: Problems, table: string, index: number): Problems {
  const prefix = `values.${table}.`;
  const out: Problems = {};
  for (const [key, message] of Object.entries(problems)) {
    const m = key.startsWith(prefix) ? /^(\d+)(\..*)$/.exec(key.slice(prefix.length)) : null;
    const row = m ? Number(m[1]) : -1;
    if (!m || row < index) out[key] = message;
    else if (row > index) out[`${prefix}${row - 1}${m[2]}`] = message;
  }
  return out;
}

type SectionKey = "personal" | "employer" | "registration";
const SECTIONS: { key: SectionKey; match: (f: WizardField) => boolean }[] = [
  { key: "personal", match: (f) => f.source === "account" },
  {
    key: "employer",
    match: (f) =>
      f.kind === "employer" ||
      f.source === "employer" ||
      f.name === "employerPhone" ||
      (f.source === "registration" && f.name === "employerName"),
  },
  { key: "registration", match: (f) => f.kind !== "table" && f.name !== "applicantOpinion" },
];

/**
 * The form's sections in order: each field in the first section it matches, then one section per table. `titles`
 * names the three fixed sections in the reader's language (个人基本信息, 企业基本信息, 注册基本信息).
 */
export function sectionsOf(fields: WizardField[], titles: Record<SectionKey, string>) {
  const used = new Set<string>();
  const out: { key: SectionKey | "table"; title: string; fields: WizardField[] }[] = [];
  for (const sec of SECTIONS) {
    const fs = fields.filter((f) => !used.has(f.name) && sec.match(f));
    for (const f of fs) used.add(f.name);
    if (fs.length) out.push({ key: sec.key, title: titles[sec.key], fields: fs });
  }
  for (const f of fields) if (f.kind === "table") out.push({ key: "table", title: f.label, fields: [f] });
  return out;
}
