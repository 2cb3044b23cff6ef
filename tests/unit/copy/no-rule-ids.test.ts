import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { RULE_ID } from "./rule-ids";

/**
 * Rule IDs (G4, I1, W5 …) are how the team cites ../shared/domain/rules.md in code and tests; a citizen does not know
 * what "G4" means. This test parses every source file that can put words in front of a person and fails when a string
 * literal, template literal piece or JSX text contains one. Comments are not strings, so IDs stay there.
 */

const ROOT = path.resolve(import.meta.dirname, "../../..");
const SCANNED_DIRS = ["app", "components", "lib"];

/**
 * A literal that is nothing but a rule ID is the code's own key for a rule (`r("G3", …)`, `rule: "I5"`,
 * `rule === "G4"`), never text: the UI maps rules to plain Chinese and does not print these keys.
 */
const RULE_KEY = /^[A-Z]\d{1,2}$/;

/** Strings that match the pattern but are not rule IDs and not read as such. Each with its reason. */
const ALLOWED: Array<{ file: string; text: RegExp; why: string }> = [
  {
    file: "lib/server/seed/portraits.ts",
    text: /<path d="/,
    why: "SVG path data of the drawn demo photo (M20, Q80 … are pen moves), rendered to pixels, never read",
  },
];

/** `（${rule}）` in a template or `{reason.rule}` in JSX prints a rule key however it is spelled in the literal. */
const RULE_EXPRESSION = /(^|\.)rule$/;

type Finding = { file: string; line: number; text: string; printsRuleKey?: boolean };

function sourceFiles(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  return fs.readdirSync(abs, { withFileTypes: true, recursive: true }).flatMap((e) => {
    if (!e.isFile() || !/\.(ts|tsx)$/.test(e.name) || e.name.endsWith(".d.ts")) return [];
    return [path.relative(ROOT, path.join(e.parentPath, e.name))];
  });
}

const isInTypePosition = (node: ts.Node) => ts.isLiteralTypeNode(node.parent);

/** Every piece of text in a file that a person could read, with its line, minus rule keys and module paths. */
function userTexts(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(
    file,
    source,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const out: Finding[] = [];
  const add = (node: ts.Node, text: string) =>
    out.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text });
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return; // module specifiers
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (!(RULE_KEY.test(node.text) && !ts.isJsxAttribute(node.parent)) && !isInTypePosition(node))
        add(node, node.text);
    } else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      add(node, node.text);
    } else if (ts.isJsxText(node)) {
      add(node, node.text);
    } else if (
      (ts.isTemplateSpan(node) || ts.isJsxExpression(node)) &&
      node.expression &&
      RULE_EXPRESSION.test(node.expression.getText(sf))
    ) {
      out.push({
        file,
        line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1,
        text: ts.isTemplateSpan(node) ? `\${${node.expression.getText(sf)}}` : node.getText(sf),
        printsRuleKey: true,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function findRuleIds(files: string[]): Finding[] {
  return files.flatMap((file) =>
    userTexts(file, fs.readFileSync(path.join(ROOT, file), "utf8")).filter(
      (t) =>
        (t.printsRuleKey || RULE_ID.test(t.text)) && !ALLOWED.some((a) => a.file === t.file && a.text.test(t.text)),
    ),
  );
}

describe("no rule IDs in what people read (issue 7 item 9)", () => {
  it("the scanner sees string literals, template pieces and JSX text, and skips comments, rule keys and types", () => {
    const src = [
      "// 照片（G4）只在注释里",
      'type R = "I1" | "A1";',
      'const a = r("G3", "须有聘用单位（G3）");',
      "const b = `请上传${x}（G4）`;",
      'const c = <p title="撤回（W1）">退回（W5）</p>;',
      "const d = `${head}（${rule}）`;",
      "const e = <li>{x.message}（{x.rule}）</li>;",
      "const f = `${to}T23:59:59+08:00`;",
    ].join("\n");
    const found = userTexts("x.tsx", src).filter((t) => t.printsRuleKey || RULE_ID.test(t.text));
    expect(found.map((f) => [f.line, f.text.trim()])).toEqual([
      [3, "须有聘用单位（G3）"],
      [4, "（G4）"],
      [5, "撤回（W1）"],
      [5, "退回（W5）"],
      [6, "${rule}"],
      [7, "{x.rule}"],
    ]);
  });

  it("G4, I1, W5 … appear in no user-facing string under app/, components/, lib/ and the demo seed", () => {
    const files = SCANNED_DIRS.flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(100);
    const found = findRuleIds(files).map((f) => `${f.file}:${f.line}: ${f.text.trim()}`);
    expect(found).toEqual([]);
  });
});
