/**
 * Text PostgreSQL or the PDF renderer cannot store (NUL) or that is not well-formed Unicode (a lone surrogate). Pure
 * so the browser's plain-form checks can apply it without importing zod (issue 12); lib/schemas/common.ts builds its
 * `text()` schema on the same test and message.
 */

/** NUL, or a high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
// Matching NUL is the point — it is refused before PostgreSQL sees it.
// biome-ignore lint/suspicious/noControlCharactersInRegex: see the comment above
const HOSTILE_CHARS = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const HOSTILE_TEXT_MESSAGE =
  "内容含有无法识别的字符（例如从其他软件复制来的控制字符或残缺的表情符号），请删除后重新输入。";

export function isCleanText(value: string): boolean {
  return !HOSTILE_CHARS.test(value);
}
