/**
 * Rule IDs (G4, I1, W5 …) cite ../shared/domain/rules.md in code and test names; people must never read one.
 * The letters are the ones rules.md uses (A C F G I K M N R S T U W X), followed by the rule's number (1–99).
 * Not followed by ":" — that is the "T23:59" of an ISO time, not rule T2.
 */
export const RULE_ID = /(?<![A-Za-z0-9_])[ACFGIKMNRSTUWX][1-9]\d?(?![A-Za-z0-9_:])/;

/** Every rule ID in a text a person reads (a page, a message, a PDF's text), for a readable failure. */
export function ruleIdsIn(text: string): string[] {
  return [...text.matchAll(new RegExp(RULE_ID.source, "g"))].map((m) =>
    text.slice(Math.max(0, m.index - 12), m.index + m[0].length + 2),
  );
}
