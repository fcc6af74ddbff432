// fenjie serve: the pipeline from a local web page, bound to 127.0.0.1 unless --host says otherwise.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { startServer } from '../api/serve.js';
import { CliError } from './errors.js';
import { printedDate } from './build.js';
import { printErr, printOut } from './terminal.js';

interface ServeCliOptions {
  readonly workspace: string;
  readonly port: string;
  readonly host?: string;
  readonly open?: boolean;
  readonly date?: string;
}

/** Opens the page in the desktop's browser; a machine without one is no failure. */
function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  try {
    spawn(command, args, { stdio: 'ignore', detached: true }).on('error', () => {}).unref();
  } catch {
    // no browser: the URL is printed anyway
  }
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('本地网页:上传、核对、更正、生成、下载 (the pipeline from a local web page)')
    .option('-w, --workspace <dir>', '工作目录 (workspace folder: notices/, builds/)', 'fenjie-work')
    .option('--port <n>', '端口,0 为任选 (port, 0 for any free one)', '0')
    .option('--host <host>', '监听地址,默认 127.0.0.1 (address to bind; default 127.0.0.1)')
    .option('--date <YYYY-MM-DD>', '文件上的日期 (date printed on built documents)')
    .option('--open', '在浏览器中打开 (open the page in the browser)')
    .action(async (opts: ServeCliOptions) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port 需为 0–65535 的整数 (got "${opts.port}")`);
      if (opts.host !== undefined && opts.host !== '127.0.0.1') printErr(`fenjie: 警告:监听 ${opts.host},本机以外也可访问 / warning: bound to ${opts.host}, reachable from other machines\n`);
      const server = await startServer({ workspace: resolve(opts.workspace), port, date: printedDate(opts.date), ...(opts.host === undefined ? {} : { host: opts.host }) });
      printOut(`${server.url}\n`);
      if (opts.open) openBrowser(server.url);
      await new Promise<void>((done) => {
        const stop = () => void server.close().then(done);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
