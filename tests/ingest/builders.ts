// Test inputs built from the sample notice at run time (nothing generated is committed).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

export const SAMPLE_PATH = fileURLToPath(new URL('../../input/wulingyuan-2024-ba-da-xing-dong.txt', import.meta.url));
export const GUOFA_PATH = fileURLToPath(new URL('../fixtures/notices/guofa-2018-39-cujin-jiuye.html', import.meta.url));

export const sampleText = (): string => readFileSync(SAMPLE_PATH, 'utf8');

/** Non-empty lines, trimmed (JS trim also takes NBSP and U+3000). */
export const contentLines = (text: string): string[] =>
  text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** The sample's own portal chrome: breadcrumb on top, print/close and share at the bottom. */
export const isSampleChrome = (line: string): boolean => /^您当前的位置|^【打印本页】|^分享到/.test(line);

/** The sample's lines as written (untrimmed), chrome left out. */
export const sampleBodyLines = (): string[] =>
  sampleText()
    .split('\n')
    .filter((line) => !isSampleChrome(line.trim()));

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');

export interface PortalOptions {
  /** <meta> charset declaration: 'meta' (<meta charset>), 'http-equiv', or none. */
  readonly declare?: 'meta' | 'http-equiv' | 'none';
  /** Wrap the article in #zoom (a known container) or in anonymous divs (heuristic fallback). */
  readonly container?: 'zoom' | 'anonymous';
}

/** A county-portal page around the sample: head scripts, nav, breadcrumb, metadata table, sidebar, share/print bar, footer. */
export function portalPage(options: PortalOptions = {}): string {
  const declare = options.declare ?? 'meta';
  const paragraphs = sampleBodyLines()
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      // Source wrapping inside Chinese text, and inline markup, as editors leave it.
      if (i === 20) return `<p style="text-indent:2em">${escape(line.slice(0, 15))}\n        ${escape(line.slice(15))}</p>`;
      if (i === 21) return `<p><span style="font-family:仿宋">${escape(line.slice(0, 3))}</span><b>${escape(line.slice(3, 9))}</b>${escape(line.slice(9))}</p>`;
      return `<p>${escape(line)}</p>`;
    });
  const head = [
    declare === 'meta' ? '<meta charset="gbk">' : '',
    declare === 'http-equiv' ? '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">' : '',
    '<title>关于印发《张家界市武陵源区实施“八大行动”总体方案》的通知_政府办文件_张家界市武陵源区人民政府</title>',
    '<meta name="ArticleTitle" content="关于印发《张家界市武陵源区实施“八大行动”总体方案》的通知">',
    '<style>.nav li{float:left} #zoom p{text-indent:2em}</style>',
    '<script>var _hmt = _hmt || []; document.write("<p>统计代码不应出现在正文</p>");</script>',
  ].join('\n');
  const article = [
    '<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>',
    ...paragraphs,
    '<script type="text/javascript">window.print_hint = "【打印本页】";</script>',
    '<div class="bottom-bar"><span>【<a href="javascript:window.print()">打印本页</a>】</span> <span>【<a href="javascript:window.close()">关闭窗口</a>】</span></div>',
    '<p class="fx">分享到：</p>',
  ].join('\n');
  const wrapped =
    (options.container ?? 'zoom') === 'zoom'
      ? `<div class="article-box"><h1 class="art-title">关于印发《张家界市武陵源区实施“八大行动”总体方案》的通知</h1><div id="zoom">\n${article}\n</div></div>`
      : `<div class="wrap"><div class="bd-main">\n${article}\n</div></div>`;
  const html = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
${head}
</head>
<body>
<div class="top"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/bsfw/">办事服务</a></li></ul></div>
<div class="position">您当前的位置：<a href="/">首页</a>&gt;<a href="/zwgk/">政务公开</a>&gt;<a href="#">政务信息</a>&gt;政府办文件</div>
<table class="xxgk_table">
<tr><td class="t1">索 引 号：</td><td>43081100-7/2024-00012</td><td class="t1">发布机构：</td><td>张家界市武陵源区人民政府办公室</td></tr>
<tr><td class="t1">文　　号：</td><td>张武政办发〔2024〕2号</td><td class="t1">发文日期：</td><td>2024-04-12</td></tr>
<tr><td class="t1">标　　题：</td><td colspan="3">关于印发《张家界市武陵源区实施“八大行动”总体方案》的通知</td></tr>
</table>
<div class="main">
<div class="sidebar"><h3>热点信息</h3><ul><li><a href="#">武陵源区召开全区经济工作会议部署全年重点任务</a></li><li><a href="#">武陵源区开展安全生产大检查专项行动</a></li></ul></div>
${wrapped}
</div>
<div class="footer">主办单位：张家界市武陵源区人民政府办公室　承办单位：武陵源区大数据中心　湘ICP备00000000号<br>网站标识码：4308110001</div>
<script src="/js/share.js"></script>
</body>
</html>
`;
  return html;
}

export const gbk = (html: string): Uint8Array => new Uint8Array(iconv.encode(html, 'gbk'));

/** The task table put into the .docx: rowspan on 牵头单位, colspan on a category row. */
export const DOCX_TABLE: ReadonlyArray<ReadonlyArray<{ text: string | string[]; rowSpan?: number; columnSpan?: number }>> = [
  [{ text: '序号' }, { text: '重点任务' }, { text: '牵头单位' }, { text: '完成时限' }],
  [{ text: '一、产业培塑', columnSpan: 4 }],
  [{ text: '1' }, { text: ['发展康养度假产业', '打造康养休闲品牌'] }, { text: '区文化旅游广电体育局', rowSpan: 2 }, { text: '2024年底' }],
  [{ text: '2' }, { text: '培育多元业态' }, { text: '长期' }],
];

/** The sample as a .docx: one paragraph per non-empty line, and a task table after the first annex heading. */
export async function sampleDocx(): Promise<Uint8Array> {
  const lines = sampleBodyLines().filter((line) => line.trim() !== '');
  const children: Array<Paragraph | Table> = [];
  for (const line of lines) {
    children.push(new Paragraph({ children: [new TextRun(line)] }));
    if (line.trim() === '附件1') children.push(taskTable());
  }
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

function taskTable(): Table {
  return new Table({
    rows: DOCX_TABLE.map(
      (row) =>
        new TableRow({
          children: row.map(
            (cell) =>
              new TableCell({
                children: (Array.isArray(cell.text) ? cell.text : [cell.text]).map((t) => new Paragraph(t)),
                ...(cell.rowSpan ? { rowSpan: cell.rowSpan } : {}),
                ...(cell.columnSpan ? { columnSpan: cell.columnSpan } : {}),
              }),
          ),
        }),
    ),
  });
}
