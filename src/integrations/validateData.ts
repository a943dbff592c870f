/**
 * Stops a build or dev server before any page is rendered when the data
 * folder has problems, or a frozen snapshot in data/reports is broken:
 * the readable list goes to stderr, then exit code 1.
 * No stack trace: bad data is the user's to fix, not a crash of ours.
 * The pages load the folder again for the site model (src/site/thisBuild.ts):
 * the config runs apart from the page bundle, and a hand-off between the
 * two would be a global. The second read costs about 0.4 s on the sample.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { problemText } from '../site/present/problemLines.ts';
import { SnapshotError } from '../core/report/snapshotFile.ts';
import { dataDir } from '../node/dataFolder.ts';
import { loadDataset } from '../node/loadDataset.ts';
import { loadSnapshots } from '../node/readSnapshots.ts';

/** How to name a folder to the user: relative to the working directory when inside it. */
function shownDir(dir: string): string {
  const rel = relative(process.cwd(), dir);
  const shown = rel === '' ? '.' : rel.startsWith('..') ? dir : rel;
  return /\s/.test(shown) ? JSON.stringify(shown) : shown;
}

/** The Astro integration; runs at `astro:config:setup` of `astro build` and `astro dev` only. */
export function validateData(): AstroIntegration {
  return {
    name: 'keepscore:validate-data',
    hooks: {
      async 'astro:config:setup'({ config, command }) {
        if (command !== 'build' && command !== 'dev') return;
        const dir = dataDir(fileURLToPath(config.root));
        const { problems } = await loadDataset(dir);
        if (problems.total === 0) return checkSnapshots(dir);
        const shown = shownDir(dir);
        process.stderr.write(
          `${problemText(problems)}\n` +
            `Build stopped: fix the data in ${shown} (run \`npm run validate -- --data ${shown}\` for the full list)\n`,
        );
        process.exit(1);
      },
    },
  };
}

/** A frozen snapshot that does not validate stops the build with its file named, like bad data does. */
async function checkSnapshots(dir: string): Promise<void> {
  try {
    await loadSnapshots(dir);
  } catch (error) {
    if (!(error instanceof SnapshotError)) throw error;
    process.stderr.write(`${error.message}\nBuild stopped: fix the snapshot in ${shownDir(dir)}/reports.\n`);
    process.exit(1);
  }
}
