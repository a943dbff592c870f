/**
 * The status strip at the top of a scope's page, the answer to "are we
 * going to make it?": a tile per key number, each with its status in
 * colour and in words with an icon (src/core/coaching/status.ts), the
 * numbers as KPI cells, and the rule that set the status. While a period
 * runs: forecast, closed won against the pace, coverage, deals needing
 * action, and for a rep or a team the next-step rate against the whole
 * team; once it is over: the final result, the win rate and the next-step rate.
 */
import {
  attainmentStatus, coverageStatus, dealsStatus, DEALS_AMBER_SHARE, elapsedShare, forecastStatus, NEXT_STEP_BEHIND, nextStepStatus, PACE_AMBER, worst, type Level, type Status,
} from '../../core/coaching/status.ts';
import type { Kpis } from '../../core/schema/kpiReport.ts';
import type { MetricRef } from '../../core/schema/metric.ts';
import type { SiteModel } from '../model.ts';
import type { Scope } from '../scopes.ts';
import { fill, type LabelKey } from '../text/dictionary.ts';
import type { PeriodView } from '../timeline.ts';
import { metricCell, type Cell, type Words } from './cell.ts';
import { scopeMetricCell } from './dealLinks.ts';
import { partsOf, type Part } from './parts.ts';

export type TileId = 'forecast' | 'attainment' | 'coverage' | 'deals' | 'nextStep' | 'winRate';

/** A status in words: "On track" and ✓, "Too few to judge" and –. */
export interface StatusWords {
  level: Level;
  word: string;
  icon: string;
}

export interface StatusTile {
  id: TileId;
  label: string;
  /** Null: the tile tells a number without judging it. */
  status: StatusWords | null;
  value: Part[];
  detail: Part[];
  /** The rule behind the status, in words. */
  rule: string;
}

const ICONS: Record<Level, string> = { good: '✓', warn: '!', bad: '✕', neutral: '–' };

/** A status in the site's words. */
export function statusWords(status: Status, w: Words): StatusWords {
  const key: LabelKey = status.note ? `status.note.${status.note}` : `status.${status.level}`;
  return { level: status.level, word: w.l[key], icon: ICONS[status.level] };
}

/** What a tile needs: the scope's KPIs in the period, a cell maker, and the words. */
interface TileInput {
  site: SiteModel;
  scope: Scope;
  view: PeriodView;
  kpis: Kpis;
  cell: (path: MetricRef['path']) => Cell;
}

function tile(id: TileId, input: TileInput, status: Status | null, value: Part[], detail: [LabelKey, Record<string, Part>], rule: string): StatusTile {
  const w = input.site.words;
  return { id, label: w.l[`strip.${id}`], status: status && statusWords(status, w), value, detail: partsOf(w.l[detail[0]], detail[1]), rule };
}

function forecastTile(input: TileInput): StatusTile {
  const { kpis, cell } = input;
  const range = { low: cell('outlook.forecast.low'), high: cell('outlook.forecast.high'), quota: cell('pipeline.quota') };
  return tile('forecast', input, forecastStatus(kpis.outlook.forecast, kpis.pipeline.quota), [cell('outlook.forecast.expected')], ['strip.forecast.detail', range], input.site.words.l['strip.forecast.rule']);
}

function attainmentTile(input: TileInput): StatusTile {
  const { site, view, kpis, cell } = input;
  const { l, f } = site.words;
  const elapsed = elapsedShare(view.period, site.timeline.asOf);
  const rule = view.running
    ? fill(l['strip.attainment.rule'], { elapsed: f.rate(elapsed), amber: f.rate(PACE_AMBER * elapsed) })
    : fill(l['strip.attainment.ruleFinal'], { amber: f.rate(PACE_AMBER) });
  const detail: [LabelKey, Record<string, Part>] = [
    view.running ? 'strip.attainment.detail' : 'strip.attainment.detailFinal',
    { attainment: cell('pipeline.attainment'), quota: cell('pipeline.quota'), elapsed: f.rate(elapsed) },
  ];
  return tile('attainment', input, attainmentStatus(kpis.pipeline.attainment, elapsed), [cell('pipeline.closedWon')], detail, rule);
}

function coverageTile(input: TileInput): StatusTile {
  const { site, kpis, cell } = input;
  const { l, f } = site.words;
  const threshold = site.config.coverageThreshold;
  const status = coverageStatus(kpis.pipeline, threshold);
  const value = kpis.pipeline.coverage === null ? [cell('pipeline.focus')] : [cell('pipeline.coverage')];
  const rule = fill(l['strip.coverage.rule'], { threshold: f.multiple(threshold), half: f.multiple(threshold / 2) });
  return tile('coverage', input, status, value, ['strip.coverage.detail', { open: cell('pipeline.open.amount'), gap: cell('pipeline.gap') }], rule);
}

function dealsTile(input: TileInput): StatusTile {
  const { site, kpis, cell } = input;
  const { l, f } = site.words;
  const open = kpis.outlook.velocity.opportunities;
  const status = worst([dealsStatus(kpis.pipeline.overdue.count, open), dealsStatus(kpis.outlook.stale.count, open)]);
  const value = partsOf(l['strip.deals.value'], { overdue: cell('pipeline.overdue.count'), stale: cell('outlook.stale.count') });
  const detail: Record<string, Part> = { overdue: cell('pipeline.overdue.amount'), stale: cell('outlook.stale.amount'), open: cell('outlook.velocity.opportunities') };
  const rule = fill(l['strip.deals.rule'], { share: f.rate(DEALS_AMBER_SHARE), max: f.count(Math.floor(DEALS_AMBER_SHARE * open + 1e-9)), open: f.count(open) });
  return tile('deals', input, status, value, ['strip.deals.detail', detail], rule);
}

function nextStepTile(input: TileInput, team: Kpis | null): StatusTile {
  const { site, kpis, cell } = input;
  const { l, f } = site.words;
  const rate = cell('activity.nextStepRate');
  const teamCell = metricCell(team, { path: 'activity.nextStepRate' }, { scope: site.scopes.team.key, period: input.view.period.id }, site.words);
  const status = nextStepStatus(kpis.activity.nextStepRate, team?.activity.nextStepRate ?? null, rate.flag !== undefined);
  const rule = fill(l['strip.nextStep.rule'], { amber: f.ratio(NEXT_STEP_BEHIND.amber * 100), red: f.ratio(NEXT_STEP_BEHIND.red * 100) });
  return tile('nextStep', input, status, [rate], ['strip.nextStep.detail', { team: teamCell }], rule);
}

function winRateTile(input: TileInput): StatusTile {
  const { cell } = input;
  return tile('winRate', input, null, [cell('winRate.rate')], ['strip.winRate.detail', { won: cell('winRate.won'), lost: cell('winRate.lost') }], '');
}

/** The tiles of `scope` in the period of `view`; none when the scope is absent from it. */
export function statusStrip(site: SiteModel, scope: Scope, view: PeriodView): StatusTile[] {
  const kpis = site.kpis(scope, view.period);
  if (!kpis) return [];
  const at = { scope: scope.key, period: view.period.id };
  const input: TileInput = { site, scope, view, kpis, cell: (path) => scopeMetricCell(site, scope, view.period, { path }, kpis) };
  const team = scope.kind === 'team' ? null : site.kpis(site.scopes.team, view.period);
  const vsTeam = scope.kind === 'team' ? [] : [nextStepTile(input, team)];
  if (!view.running) return [attainmentTile(input), winRateTile(input), ...vsTeam];
  return [forecastTile(input), attainmentTile(input), coverageTile(input), dealsTile(input), ...vsTeam];
}
