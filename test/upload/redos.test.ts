/**
 * Every regular expression that sees what a client sends — a cell, a
 * header, a file name, a request path or header — checked with recheck (a
 * ReDoS checker) for super-linear backtracking. One such expression is
 * enough to freeze the server on a long line. The expressions are found in
 * the source with TypeScript's own parser, so a new one cannot be missed;
 * the `new RegExp` patterns are built from the site's own _headers and
 * _redirects files, and are checked as built from this project's files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkSync } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parseHeadersFile } from '../../src/node/headersFile.ts';
import { parseRedirectsFile } from '../../src/node/redirectsFile.ts';
import { ROOT } from './helpers.ts';

/** Where user input is read: ingest (presets, mapping, values), upload, the access guard, the Node edges, the schema, slugs and CSV naming, the Functions. */
const SEEN_BY_INPUT = ['src/core/ingest', 'src/core/upload', 'src/core/access', 'src/node', 'src/core/schema', 'src/core/slug.ts', 'src/core/export', 'functions'];

function sourceFiles(): string[] {
  return SEEN_BY_INPUT.flatMap((top) => {
    const path = join(ROOT, top);
    if (top.endsWith('.ts')) return [path];
    return readdirSync(path, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
      .map((e) => join(e.parentPath, e.name));
  });
}

function literals(file: string): { where: string; source: string; flags: string }[] {
  const text = readFileSync(file, 'utf8');
  const tree = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: { where: string; source: string; flags: string }[] = [];
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText();
      const end = literal.lastIndexOf('/');
      const line = tree.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      found.push({ where: `${relative(ROOT, file)}:${line}`, source: literal.slice(1, end), flags: literal.slice(end + 1) });
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

const EXPRESSIONS = sourceFiles().flatMap(literals);
const verdict = (source: string, flags: string) => {
  const result = checkSync(source, flags, { timeout: 30_000 });
  return result.status === 'vulnerable' ? `vulnerable (${result.complexity.type}, e.g. ${JSON.stringify(result.attack.pattern)})` : result.status;
};

describe('regular expressions that see user input', () => {
  it('are found in every folder that reads input', () => {
    expect(EXPRESSIONS.length).toBeGreaterThan(40);
    for (const folder of ['src/core/ingest', 'src/core/upload', 'src/core/access', 'src/node']) expect(EXPRESSIONS.some((e) => e.where.startsWith(folder))).toBe(true);
  });

  it('none backtracks super-linearly', { timeout: 300_000 }, () => {
    const unsafe = EXPRESSIONS.map((e) => ({ ...e, verdict: verdict(e.source, e.flags) })).filter((e) => e.verdict !== 'safe');
    expect(unsafe.map((e) => `${e.where} /${e.source}/${e.flags}: ${e.verdict}`)).toEqual([]);
  });

  it('the patterns built from the site\'s _headers and _redirects are safe too', { timeout: 120_000 }, () => {
    const rules = [
      ...parseHeadersFile(readFileSync(join(ROOT, 'public/_headers'), 'utf8')),
      ...parseRedirectsFile(readFileSync(join(ROOT, 'public/_redirects'), 'utf8')),
    ];
    expect(rules.length).toBeGreaterThan(3);
    const unsafe = rules.map((r) => r.pattern).filter((p) => verdict(p.source, p.flags) !== 'safe');
    expect(unsafe.map(String)).toEqual([]);
  });
});
