/**
 * Browser side of the problem texts (no catalog here: the page passes the map in AuthWords.problems). Kept apart from
 * auth-words.ts, which reads the catalogs on the server and must never reach a client bundle.
 */
type ProblemMap = { problems: Record<string, string> };

/** A problem in the page's language (texts already in it, or unknown, stay as they are). */
export function said(words: ProblemMap, message: string): string {
  return words.problems[message] ?? message;
}

/** Every problem of a check, in the page's language. */
export function saidAll(words: ProblemMap, problems: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, said(words, v)]));
}
