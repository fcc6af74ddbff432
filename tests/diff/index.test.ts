import { expect, it } from 'vitest';
import * as diff from '../../src/api/diff.js';

it('exports the public API and nothing else', () => {
  expect(Object.keys(diff).sort()).toMatchInlineSnapshot(`
    [
      "CHANGESET_VERSION",
      "Change",
      "ChangeEntity",
      "ChangeKind",
      "ChangeSet",
      "ChangeSummary",
      "DiffDocxLayout",
      "KIND_LABEL",
      "Match",
      "PDF_LEGEND",
      "RedlineSegment",
      "describeChange",
      "diffPlans",
      "markCorrections",
      "marked",
      "redline",
      "redlineMarkdown",
      "redlineNew",
      "redlineOld",
      "renderDiffDocx",
      "renderDiffMarkdown",
      "renderDiffPdf",
    ]
  `);
});
