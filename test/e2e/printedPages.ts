/**
 * How full each page of a printed PDF is: poppler's pdftoppm rasterises
 * every page in grey (PGM), and a page's fill is how far down its last
 * non-white row lies, as a share of the page's height (0 for a blank page).
 * The page margins count: a page filled to its bottom margin reads about 0.95.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A pixel darker than this (0 black – 255 white) is ink; anti-aliasing and page backgrounds stay above it. */
const INK = 235;

/** The fill of one binary PGM (P5) image: the last row with ink + 1, over the height. */
export function inkDepth(pgm: Buffer): number {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(header[0].length);
  for (let row = height - 1; row >= 0; row--) {
    const line = pixels.subarray(row * width, (row + 1) * width);
    if (line.some((value) => value < INK)) return (row + 1) / height;
  }
  return 0;
}

/** The fill of every page of the PDF at `pdfPath`, in page order. */
export function pageFills(pdfPath: string): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'keepscore-pages-'));
  try {
    execFileSync('pdftoppm', ['-r', '40', '-gray', pdfPath, join(dir, 'page')]);
    // pdftoppm pads page numbers to the count's width (page-01.pgm …), so sort by number.
    const files = readdirSync(dir).sort((a, b) => Number(/(\d+)\.pgm$/.exec(a)?.[1]) - Number(/(\d+)\.pgm$/.exec(b)?.[1]));
    return files.map((file) => inkDepth(readFileSync(join(dir, file))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
