/**
 * `npm run --silent sizes`: the house rule's sizes (no file over ~300 lines, no
 * function over ~60) checked over the project's code: every tracked .ts, .astro,
 * .mjs, .js and .css file outside test fixtures. Prints the files over 300
 * lines and the functions over 60 (by their first and last line, nested ones
 * counted on their own), and apart from them the test blocks over 60 (the
 * callbacks of describe, it and test: groups of tests, not logic to read);
 * exits 0 either way, it is a report, not a gate.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ts from 'typescript';

const MAX_FILE = 300;
const MAX_FUNCTION = 60;

const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => /\.(ts|astro|mjs|js|css)$/.test(f) && !f.startsWith('test/fixtures/') && !f.includes('node_modules/'));

/** The script part of a file: an .astro file's frontmatter (its template holds no functions worth the name). */
function codeOf(file: string, text: string): string {
  if (!file.endsWith('.astro')) return text;
  const match = /^---\n([\s\S]*?)\n---/.exec(text);
  return match ? `\n${match[1]}` : '';
}

const longFiles: string[] = [];
const longFunctions: string[] = [];
const longTestBlocks: string[] = [];

/** True for the callback of `describe(…)`, `it.each(…)(…)`, `test(…)` and the like. */
function isTestBlock(node: ts.Node, source: ts.SourceFile): boolean {
  const call = node.parent;
  return ts.isCallExpression(call) && /^(describe|it|test)\b/.test(call.expression.getText(source));
}
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  if (lines > MAX_FILE) longFiles.push(`${lines}\t${file}`);
  if (file.endsWith('.css')) continue;
  const source = ts.createSourceFile(file, codeOf(file, text), ts.ScriptTarget.Latest, true, file.endsWith('.js') || file.endsWith('.mjs') ? ts.ScriptKind.JS : ts.ScriptKind.TS);
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name = (node as ts.FunctionLikeDeclaration).name?.getText(source) ?? (ts.isVariableDeclaration(node.parent) ? node.parent.name.getText(source) : '(anonymous)');
      if (last - first + 1 > MAX_FUNCTION) (isTestBlock(node, source) ? longTestBlocks : longFunctions).push(`${last - first + 1}\t${file}:${first + 1} ${name}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}
const sorted = (list: string[]) => list.sort((a, b) => Number(b.split('\t')[0]) - Number(a.split('\t')[0]));
process.stdout.write(`Files over ${MAX_FILE} lines (${longFiles.length}):\n${sorted(longFiles).join('\n') || '(none)'}\n`);
process.stdout.write(`Functions over ${MAX_FUNCTION} lines (${longFunctions.length}):\n${sorted(longFunctions).join('\n') || '(none)'}\n`);
process.stdout.write(`Test blocks over ${MAX_FUNCTION} lines (${longTestBlocks.length}):\n${sorted(longTestBlocks).join('\n') || '(none)'}\n`);
