import { describe, expect, it } from 'vitest';
import { csvCell, csvFileText, isCsvFileName, toCsv } from './csvDownload.ts';

describe('csvCell', () => {
  it('neutralises text that a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1+1')).toBe("'+1+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('a=b')).toBe('a=b');
  });
  it('keeps our own numbers as numbers, negatives included', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(0.1666)).toBe('0.1666');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('true');
  });
  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('Acme, Inc.')).toBe('"Acme, Inc."');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('Иван Петров')).toBe('Иван Петров');
  });
});

describe('toCsv', () => {
  it('joins cells with commas and rows with CRLF', () => {
    expect(toCsv([['rep', 'won'], ['Ann', 2], ['=cmd', null]])).toBe("rep,won\r\nAnn,2\r\n'=cmd,\r\n");
    expect(toCsv([])).toBe('');
  });
  it('puts a BOM and the header first in a file', () => {
    expect(csvFileText({ columns: ['a', 'b'], rows: [[1, 'x']] })).toBe('\uFEFFa,b\r\n1,x\r\n');
  });
});

describe('isCsvFileName', () => {
  it('accepts plain names ending in .csv only', () => {
    expect(isCsvFileName('report-2026-10-scorecard.csv')).toBe(true);
    expect(isCsvFileName('../x.csv')).toBe(false);
    expect(isCsvFileName('.hidden.csv')).toBe(false);
    expect(isCsvFileName('a b.csv')).toBe(false);
    expect(isCsvFileName('a.json')).toBe(false);
  });
});
