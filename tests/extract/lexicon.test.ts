// The lexicon: a user's file adds local unit names and words on top of the shipped genre lexicon, validated by zod.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLexicon, LexiconError, loadLexicon } from '../../src/index.js';
import { fenjie } from '../cli/run-cli.js';
import { allTasks, extractText, roles } from '../helpers.js';

const NOTICE = ['附件1', '某县某某工作方案', '一、重点任务', '1.推进项目建设。加快建设。（县城投领办，县财政局配合）', '2.完善机制。（县发改局、县城投按职责分工负责）'].join('\n');
const dir = mkdtempSync(join(tmpdir(), 'fenjie-lexicon-'));

describe('the lexicon', () => {
  it('reads a local verb and a local unit name once a user adds them', () => {
    const before = allTasks(extractText(NOTICE));
    expect(roles(before[0])).not.toContain('l:县城投');
    const lexicon = compileLexicon({ units: { names: ['县城投'] }, roles: { lead: { verbs: ['领办'] } } });
    const after = allTasks(extractText(NOTICE, { lexicon }));
    expect(roles(after[0])).toBe('l:县城投 c:县财政局');
    expect(roles(after[1])).toBe('r:县发改局 r:县城投');
  });

  it('refuses a file whose fields do not fit, naming the file and the field', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ units: { name: ['x'] } }));
    await expect(loadLexicon(bad)).rejects.toThrow(LexiconError);
    await expect(loadLexicon(bad)).rejects.toThrow(/bad\.json: .*units: Unrecognized key: "name"/);
    writeFileSync(bad, '{');
    await expect(loadLexicon(bad)).rejects.toThrow(/bad\.json: 不是有效的 JSON/);
  });

  it('--lexicon on the command line: applied, and a bad file is one line with exit 2', async () => {
    const notice = join(dir, 'notice.txt');
    const good = join(dir, 'lex.json');
    writeFileSync(notice, NOTICE);
    writeFileSync(good, JSON.stringify({ units: { names: ['县城投'] }, roles: { lead: { verbs: ['领办'] } } }));
    const ok = await fenjie('units', notice, '--lexicon', good);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/县城投\s+单位\s+1\s+1\s+0/);
    const missing = await fenjie('extract', notice, '--lexicon', join(dir, 'none.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^fenjie: .*none\.json: 文件不存在 \(no such file\)\n$/);
  });
});
