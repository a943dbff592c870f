/**
 * The build's word on who may read the site it made (issue 15): the access
 * mode of its deployment (KEEPSCORE_ACCESS in the build's environment), as
 * the last lines of the build, in a loud frame when no mode is set while the
 * site lists deals, or the mode is not one. /data/ says the same (the site
 * model's `access`), in the site's language; the build log is in English.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { accessNotice } from '../core/access/notice.ts';
import { dataDir } from '../node/dataFolder.ts';
import { loadConfig } from '../node/loadDataset.ts';
import { fill, labels } from '../site/text/dictionary.ts';

/** `text` in a frame of !, wrapped at 68 characters: hard to scroll past. */
function framed(text: string): string {
  const lines = [''];
  for (const word of text.split(' ')) {
    const last = lines[lines.length - 1];
    if (last && last.length + word.length >= 68) lines.push(word);
    else lines[lines.length - 1] = last ? `${last} ${word}` : word;
  }
  const frame = '!'.repeat(72);
  return `\n${frame}\n${lines.map((line) => `!! ${line}`).join('\n')}\n${frame}\n\n`;
}

export function accessSummary(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'keepscore:access',
    hooks: {
      'astro:config:setup'({ config }) {
        root = fileURLToPath(config.root);
      },
      async 'astro:build:done'({ logger }) {
        const config = await loadConfig(dataDir(root));
        const notice = accessNotice(process.env, config.deals);
        const line = fill(labels('en')[notice.text], { value: notice.mode });
        if (notice.level !== 'warn') return logger.info(`Access: ${line}`);
        process.stderr.write(framed(line));
      },
    },
  };
}
