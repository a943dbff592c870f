/**
 * Preloaded into a measured child (`node --import`): writes the process's
 * peak RSS in KiB to KEEPSCORE_PEAK_RSS_FILE when it exits, however it exits.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.KEEPSCORE_PEAK_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
