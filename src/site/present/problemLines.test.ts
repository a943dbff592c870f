import { describe, expect, it } from 'vitest';
import { readDataset } from '../../core/ingest/dataset.ts';
import { textSource } from '../../core/ingest/textSource.ts';
import { labels } from '../text/dictionary.ts';
import { problemLines, problemText } from './problemLines.ts';

// Two rejected deal rows (D2, D3); five references to them, and one to a deal that never was (D9).
const { problems } = await readDataset(textSource({
  'deals.csv': 'id,owner,stage,amount,created,close_date\nD1,Ann,Qualify,100,2026-10-01,2026-11-01\nD2,Ann,Qualify,lots,2026-10-01,2026-11-01\nD3,Ann,Qualify,,2026-10-01,2026-11-01\n',
  'stage_history.csv': 'deal,stage,entered\nD2,Qualify,2026-10-01\nD3,Qualify,2026-10-01\n',
  'activities.csv': 'id,date,owner,type,lead,deal\nA1,2026-10-01,Ann,call,L1,D2\nA2,2026-10-01,Ann,call,L1,D3\nA3,2026-10-02,Ann,call,L1,D2\nA4,2026-10-02,Ann,call,L1,D9\n',
}));

describe('problemLines', () => {
  it('counts and lists the problems of their own first, then the knock-ons by cause, file and rule', () => {
    expect(problemText(problems).split('\n')).toEqual([
      '3 problems found in the data:',
      '  deals.csv:3 amount "lots": not a non-negative amount (e.g. 22700, 22,700.00, 1 234,56)',
      '  deals.csv:4 amount (empty): required',
      '  activities.csv:5 deal "D9": refers to a missing deal',
      '5 knock-on problems from deals.csv: references to deals that deals.csv would have defined, had its rows been read; they go away when deals.csv is fixed:',
      '        3  activities.csv: refers to a missing deal (lines 2, 3, 4)',
      '        2  stage_history.csv: refers to a missing deal (lines 2, 3)',
      'By rule:',
      '        1  not a non-negative amount (e.g. 22700, 22,700.00, 1 234,56)',
      '        1  refers to a missing deal',
      '        1  required',
    ]);
  });

  it('says how many more there are past the limit, and speaks Russian for ru', () => {
    expect(problemText(problems, 1).split('\n').slice(0, 3)).toEqual([
      '3 problems found in the data:',
      '  deals.csv:3 amount "lots": not a non-negative amount (e.g. 22700, 22,700.00, 1 234,56)',
      '  ... and 2 more',
    ]);
    const ru = problemLines(problems, labels('ru'), 'ru-RU');
    expect(ru[0]).toBe('В данных найдено 3 проблемы:');
    expect(ru[4]).toBe('5 проблем из-за ошибок в deals.csv: ссылки на сделки, которые задал бы deals.csv, если бы его строки были прочитаны; они исчезнут, когда deals.csv будет исправлен:');
    expect(ru[5]).toMatch(/^\s+3 {2}activities\.csv: refers to a missing deal \(строки 2, 3, 4\)$/);
  });
});
