import { saveFormSchema, type SaveFormInput } from "@/lib/schemas/applications";

/**
 * The save action's own zod schema applied in the browser (issue 8 item 2). zod and the schema are ≈55 KB gzipped,
 * more than the wizard's whole first-load budget (issue 12 item 4): this module is only ever imported lazily, by
 * form-model.ts, so it lands in a chunk of its own.
 */

type Issue = { message: string; path: PropertyKey[]; code: string; errors?: Issue[][] };

/**
 * The problems of `input`, one message per form path (`values.name`, `values.table.2.col`, `files.code`): the first
 * issue zod reports for a path, and for a union the first issue of the member that came closest to matching — the
 * way @hookform/resolvers read zod's issues before, so the words under each input stay the same.
 */
export function problemsOf(input: SaveFormInput): Record<string, string> {
  const res = saveFormSchema.safeParse(input);
  if (res.success) return {};
  const out: Record<string, string> = Object.create(null);
  const queue = [...(res.error.issues as Issue[])];
  for (let issue = queue.shift(); issue; issue = queue.shift()) {
    const key = formKey(issue.path);
    const branches = issue.code === "invalid_union" ? (issue.errors ?? []) : [];
    if (!(key in out)) {
      const closest = branches.reduce<Issue[] | undefined>((c, b) => (!c || b.length < c.length ? b : c), undefined);
      out[key] = closest?.[0]?.message ?? issue.message;
    }
    for (const branch of branches) for (const e of branch) queue.push({ ...e, path: [...issue.path, ...e.path] });
  }
  return { ...out };
}

/** The schema names uploads `attachments`; the form keeps them under `files`. */
function formKey(path: PropertyKey[]): string {
  const key = path.map(String).join(".");
  return key.startsWith("attachments.") ? `files.${key.slice("attachments.".length)}` : key;
}
