// Build dist/ once before the suite (the same `npm run build` users run), so tests of the compiled CLI see this
// checkout's code and never a stale build.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
}
