// plan.json written a piece at a time has the bytes of JSON.stringify(plan, null, 2), escaped as planToJson escapes.
import { describe, expect, it } from 'vitest';
import { extractNotice, jsonBytes, planToJson, planToJsonBytes } from '../../src/index.js';
import { SAMPLE } from '../helpers.js';

describe('jsonBytes', () => {
  it('gives JSON.stringify(value, null, 2) and a line feed, for every shape', () => {
    const values: unknown[] = [[], {}, { a: [] }, { a: {} }, [1, [2, [3, [4, { x: [5] }]]]], { u: undefined, n: null, s: 'é', f: () => 1 }, [undefined, 1], 'x', 3, null];
    values.push(Array.from({ length: 100 }, (_, i) => ({ i, d: { e: [i, { f: 'x'.repeat(i) }] } })));
    for (const v of values) expect(jsonBytes(v).toString()).toBe(`${JSON.stringify(v, null, 2)}\n`);
  });

  it('writes the sample plan with the same bytes as planToJson, source path relative to the file', async () => {
    const { plan } = await extractNotice(SAMPLE);
    const bytes = Buffer.from(planToJsonBytes(plan, 'out/plan.json'));
    expect(bytes.equals(Buffer.from(planToJson(plan, 'out/plan.json')))).toBe(true);
    expect(JSON.parse(bytes.toString()).source.path).toBe(`../${SAMPLE}`);
  });
});
