/**
 * The problems of a load in words, as `validate`, `kpis`, `snapshot` and a
 * stopped build print them: how many problems of their own, each of them,
 * then the knock-on problems folded under the file that caused them (a
 * count per file and rule, with their first lines), then a count per rule.
 * So three rejected deal rows read as three problems, not as three
 * problems lost among twenty "refers to a missing deal".
 */
import { formatProblem, type KnockOns, type ProblemLog } from '../../core/ingest/problems.ts';
import { countLabel, fill, labels, type Labels } from '../text/dictionary.ts';
import { lineList } from './importReportLines.ts';

const count = (n: number) => String(n).padStart(7);

function knockOnLines(knockOns: readonly KnockOns[], l: Labels, locale: string): string[] {
  return knockOns.flatMap(({ cause, total, groups }) => [
    fill(countLabel(l, locale, 'problems.knockOns', total), { cause }),
    ...groups.map((g) => `  ${count(g.count)}  ${fill(l['problems.knockOn'], { file: g.file, rule: g.rule, lines: lineList(g, l) })}`),
  ]);
}

/** The report as lines: at most `limit` problems of their own in full (at most those kept), the knock-ons by cause, the count per rule. */
export function problemLines(log: ProblemLog, l: Labels, locale: string, limit = 50): string[] {
  const own = log.ownTotal;
  const lines = [countLabel(l, locale, 'problems.found', own)];
  const shown = log.kept.slice(0, limit);
  for (const p of shown) lines.push(`  ${formatProblem(p)}`);
  if (own > shown.length) lines.push(`  ${fill(l['problems.more'], { n: own - shown.length })}`);
  lines.push(...knockOnLines(log.knockOns, l, locale));
  lines.push(l['problems.byRule']);
  const rules = [...log.countByRule].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  for (const [rule, n] of rules) lines.push(`  ${count(n)}  ${rule}`);
  return lines;
}

/** The report in English, as one text: the commands and the build speak English (README "Pages, charts and coaching"). */
export function problemText(log: ProblemLog, limit?: number): string {
  return problemLines(log, labels('en'), 'en-US', limit).join('\n');
}
