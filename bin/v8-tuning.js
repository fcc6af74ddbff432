// How eagerly V8 optimises, tuned for the fenjie command: imported first by bin/fenjie.js, the CLI's entry, so it
// applies before any of fenjie's functions exist, in this thread and in the render workers (V8 flags are per
// process). The library sets no V8 flag: a program that imports fenjie keeps its own V8 settings.
//
// A run is a few seconds of many different functions (extraction, Word, Excel, PDF layout, zip). With V8's default
// budget (~66 KB of bytecode run before a function is queued for optimisation) the optimising compiler's background
// threads took about 0.8 s of CPU per run of the sample; when the build's threads already fill every core (the
// default: one thread per core, up to 4) they compete with them, for functions that had little left to run.
// Sixteen times the budget optimises only what stays hot. Measured with `fenjie run` on the sample on 2 vCPUs
// (8 runs alternated): median 2.84 -> 2.20 s wall, 5.1 -> 3.9 s CPU; the 10x notice 8.3 -> 7.1 s; extracting the
// 100x notice unchanged (3.9-4.0 s); 2x and 32x were slower. With a core to spare the optimiser costs no one
// anything and delaying it slows long runs (one thread on the 10x notice: ~10% slower), hence the core count.
// Only on Node 20's V8 (11.x), where it was measured: another V8 may name or weigh the flag differently.
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';

/** The flag set in this process, or null (another V8, or more than 4 cores): the bench prints it. */
export const V8_FLAGS = process.versions.v8.startsWith('11.') && availableParallelism() <= 4 ? '--interrupt-budget=1081344' : null;
if (V8_FLAGS) setFlagsFromString(V8_FLAGS);
