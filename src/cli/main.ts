#!/usr/bin/env node
// fenjie CLI: commander wiring only; each command calls the API and sets the exit code.
import { Command, Option } from 'commander';
import { describeError, EXIT } from './errors.js';
import { escapeControls, printErr } from './terminal.js';
import { registerBuild } from './build.js';
import { registerDiff } from './diff.js';
import { registerExtract } from './extract.js';
import { registerReview } from './review.js';
import { registerServe } from './serve.js';
import { registerTrack } from './track.js';
import { registerTrackReport } from './track-report.js';
import { WritesStoppedError } from '../errors.js';

// `fenjie extract … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const debug = process.argv.includes('--debug');
/** An error no command caught (a library failing asynchronously): one line and exit 2, as for any other failure. */
function fatal(error: unknown): void {
  printErr(`${describeError(error)}\n`);
  if (debug && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exit(EXIT.failure);
}
process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);

const program = new Command();
program
  .name('fenjie')
  .description('分解: 把政府方案通知读成结构化台账 (plan.json),并生成任务分解表、责任矩阵和各单位责任清单。\nRead a Chinese plan notice into a validated Plan and build the documents offices circulate.')
  .version('0.1.0')
  .addOption(new Option('--debug', 'show stack traces for internal errors'))
  .showHelpAfterError('(fenjie --help 查看用法)')
  .configureOutput({ outputError: (str, write) => write(escapeControls(str)) })
  .exitOverride();

registerExtract(program);
registerDiff(program);
registerBuild(program);
registerReview(program);
registerServe(program);
registerTrackReport(registerTrack(program));

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const code = (error as { code?: string }).code;
  if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') process.exit(EXIT.ok);
  if (code?.startsWith('commander.')) process.exit(EXIT.failure);
  // A signal stopped the writes; its handler reports and exits (130, 143, 129) once those under way have settled.
  if (error instanceof WritesStoppedError) process.exitCode = 130;
  else {
    printErr(`${describeError(error)}\n`);
    if (program.opts().debug && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = EXIT.failure;
  }
}
