// Run the CLI as a user would, collecting exit code and output (never throwing on a non-zero exit). It runs the
// compiled build (`dist/`, built by the suite's global setup from this checkout): starting the TypeScript loader in
// every child was most of the suite's time. `fenjieSource` runs `src/` through tsx, for the one smoke test of it.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
type Result = { code: number; stdout: string; stderr: string };

async function exec(argv: string[]): Promise<Result> {
  try {
    const { stdout, stderr } = await run('node', argv, { maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

export const fenjie = (...args: string[]): Promise<Result> => exec(['dist/cli/main.js', ...args]);
export const fenjieSource = (...args: string[]): Promise<Result> => exec(['--import', 'tsx', 'src/cli/main.ts', ...args]);
