/**
 * The frame of every command: parse flags with node's parseArgs, turn any
 * failure into a one-paragraph message and an exit code, never a stack trace.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A failure the user can fix; `code` 2 = bad arguments, 1 = bad data or folder. */
export class UserError extends Error {
  readonly code: number;
  constructor(message: string, code = 1) {
    super(message);
    this.code = code;
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;
type Flags<O extends Options> = ReturnType<typeof parseArgs<{ options: O; strict: true }>>['values'];

/** Runs `main` with the parsed flags; `usage` is printed on bad arguments. */
export async function runCommand<O extends Options>(
  usage: string,
  options: O,
  main: (flags: Flags<O>) => Promise<number | void>,
): Promise<void> {
  try {
    let flags: Flags<O>;
    try {
      flags = parseArgs({ args: process.argv.slice(2), options, strict: true, allowPositionals: false }).values as Flags<O>;
    } catch (error) {
      throw new UserError(`${(error as Error).message}.\nUsage: ${usage}`, 2);
    }
    process.exitCode = (await main(flags)) ?? 0;
  } catch (error) {
    const known = error instanceof UserError;
    process.stderr.write(`${known ? '' : 'Unexpected error: '}${(error as Error)?.message ?? String(error)}\n`);
    process.exitCode = known ? error.code : 1;
  }
}

/** The data folder from --data, else KEEPSCORE_DATA, else `data`. */
export function dataDir(flag: string | undefined): string {
  return flag ?? process.env.KEEPSCORE_DATA ?? 'data';
}
