// Government portal pages: decode, find the article body, drop the site chrome, read the metadata table.
// The page is parsed, never executed, and nothing it links to is fetched.
// Parsed by parse5 (as cheerio's own load does) and queried through cheerio/slim: cheerio's main entry also loads
// undici for fetching pages, whose WebAssembly start-up fails under a memory limit (ulimit -v) and is never needed.
import { load, type CheerioAPI } from 'cheerio/slim';
import { parse } from 'parse5';
import { adapter } from 'parse5-htmlparser2-tree-adapter';
import { decodeBytes } from './encoding.js';
import { cjkCount, domToLines, DomStats, isElement, tagName, type DomNode } from './html-text.js';
import { LimitError, MAX_HTML_DEPTH, MAX_HTML_ELEMENTS } from './limits.js';
import { markupDepth } from './markup-depth.js';
import { readPortalMeta } from './portal-meta.js';
import type { Ingested, IngestMeta } from './types.js';

/** Article containers of common portal systems (TRS, UCAP, 政府网站集约化平台 …), most specific first. */
const CONTAINERS = [
  '#zoom',
  '#Zoom',
  '.TRS_Editor',
  '.TRS_UEDITOR',
  '#UCAP-CONTENT',
  '.pages_content',
  '#fontzoom',
  '.article-content',
  '.article_content',
  '.art_con',
  '.zwnr',
  '#zwnr',
  '.article',
  'article',
  '.content',
  '#content',
];

/** class/id words portals give to chrome: breadcrumbs, share and print bars, footers, related links. */
const CHROME_NAME = /bread|crumb|curpos|current-?pos|share|fenxiang|print|dayin|guanbi|footer|copyright|toolbar|sidebar|related|xgwz|xglj|pager|fontsize|zihao|qrcode|erweima|^(?:position|location|weizhi|dqwz|dangqian|close|ewm|prev|next|foot|tools?|nav)$/i;
const BREADCRUMB = /^(?:您当前的位置|您现在的位置|当前位置|您的位置|所在位置)\s*[:：]?/;
const CHROME_TOKEN = /^(?:打印本页|打印|关闭窗口|关闭|我要纠错|纠错|收藏|加入收藏|返回顶部|字体|字号|大|中|小|默认|保存|下载|分享)/;
const CHROME_LINE = /^(?:分享到|扫一扫|手机扫一扫|用手机扫描|上一篇|下一篇|相关链接|相关文章|相关阅读|责任编辑|【?字体[:：]|\[?字号[:：])/;
const META_LABELS = /索\s*引\s*号|发布机构|发文机关|成文日期|发文日期|发文字号|主题分类/g;

export interface HtmlText {
  readonly text: string;
  readonly meta: IngestMeta;
  readonly root: string;
  /** things read other than as written (capped table spans) */
  readonly warnings: readonly string[];
}

/** The charset a page declares for itself in its first 4 KB (<meta charset>, http-equiv or an XML declaration). */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1').replace(/<!--[\s\S]*?-->/g, '');
  const meta = /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)/i.exec(head);
  if (meta) return meta[1];
  const xml = /<\?xml\b[^>]*encoding\s*=\s*["']([A-Za-z0-9_\-:.]+)/i.exec(head);
  return xml ? xml[1] : null;
}

/** Fewer Chinese characters than this and a page has no article body. */
const MIN_ARTICLE_CJK = 10;

export function ingestHtml(bytes: Uint8Array): Ingested {
  const declared = declaredCharset(bytes);
  const decoded = decodeBytes(bytes, declared);
  const { text, meta, root, warnings: read } = htmlToText(decoded.text, { site: true });
  // A page whose "article" is a handful of characters is navigation only: say so rather than parse chrome.
  if (cjkCount(text) < MIN_ARTICLE_CJK) return { text: '', format: 'html', encoding: decoded.encoding, meta, root };
  const warnings = [...(decoded.warning ? [decoded.warning] : []), ...read];
  return { text, format: 'html', encoding: decoded.encoding, encodingSource: decoded.source, meta, root, ...(warnings.length ? { warnings } : {}) };
}

export interface HtmlToTextOptions {
  /** A web page: look for the article container and drop portal chrome. False for mammoth's clean HTML. (default: true) */
  readonly site?: boolean;
}

/**
 * Parse a page as a browser would (parse5), refusing one nested past MAX_HTML_DEPTH or holding more than
 * MAX_HTML_ELEMENTS elements before the parser sees it. `what` names the markup in messages.
 */
export function loadHtml(html: string, what = 'HTML'): CheerioAPI {
  const shape = markupDepth(html, true, MAX_HTML_DEPTH);
  const n = (x: number) => x.toLocaleString('en-US');
  if (shape.depth > MAX_HTML_DEPTH) {
    const line = html.slice(0, shape.offset).split('\n').length;
    throw new LimitError(`${what} 嵌套过深 (elements nested more than ${n(MAX_HTML_DEPTH)} deep, line ${line}; limit ${n(MAX_HTML_DEPTH)})`, 'too-deep');
  }
  if (shape.elements > MAX_HTML_ELEMENTS) {
    throw new LimitError(`${what} 元素过多 (${n(shape.elements)} elements; limit ${n(MAX_HTML_ELEMENTS)}: save a large table as text or split the file)`, 'too-large');
  }
  return load(parse(html, { treeAdapter: adapter, scriptingEnabled: true }) as never);
}

export function htmlToText(html: string, options: HtmlToTextOptions = {}): HtmlText {
  const site = options.site ?? true;
  const $ = loadHtml(html, site ? 'HTML' : '.docx 正文');
  $('script, style, noscript, template').remove();
  const stats = new DomStats($.root()[0] as unknown as DomNode);
  const meta = site ? readPortalMeta($, (node) => stats.get(node as unknown as DomNode).text) : {};
  const rootNode = site ? findArticle($, stats) : ($('body')[0] as unknown as DomNode | undefined) ?? ($.root()[0] as unknown as DomNode);
  const rootCjk = stats.get(rootNode).cjk;
  const drop = site ? (node: DomNode) => isChrome(stats, node, rootCjk) : undefined;
  const warnings: string[] = [];
  let lines = domToLines(rootNode, { drop, stats, warn: (message) => warnings.push(message) });
  if (site) lines = dropChromeLines(lines);
  return { text: lines.length > 0 ? `${lines.join('\n')}\n` : '', meta, root: describe(rootNode), warnings };
}

/** The known container with the most Chinese text, else the block that directly holds the most paragraph text. */
function findArticle($: CheerioAPI, stats: DomStats): DomNode {
  for (const selector of CONTAINERS) {
    let best: { node: DomNode; cjk: number } | null = null;
    $(selector).each((_, el) => {
      const cjk = stats.get(el as unknown as DomNode).cjk;
      if (cjk >= 30 && (!best || cjk > best.cjk)) best = { node: el as unknown as DomNode, cjk };
    });
    if (best) return (best as { node: DomNode }).node;
  }
  const scores = new Map<DomNode, number>();
  $('p, div, td, li, section, font, span').each((_, el) => {
    const node = el as unknown as DomNode;
    const own = stats.get(node).ownCjk;
    if (own < 10 || !node.parent) return;
    scores.set(node.parent, (scores.get(node.parent) ?? 0) + own);
    if (node.parent.parent) scores.set(node.parent.parent, (scores.get(node.parent.parent) ?? 0) + own / 2);
  });
  let best: DomNode | null = null;
  for (const [node, score] of scores) if (isElement(node) && (!best || score > (scores.get(best) ?? 0))) best = node;
  return best ?? ($('body')[0] as unknown as DomNode | undefined) ?? ($.root()[0] as unknown as DomNode);
}

/** Past this many characters a node's text is not looked at for breadcrumbs or metadata labels (it cannot be one). */
const LOOKED_AT = 4096;

function isChrome(stats: DomStats, node: DomNode, rootCjk: number): boolean {
  const name = tagName(node);
  const attrs = node.attribs ?? {};
  const style = (attrs.style ?? '').replace(/\s/g, '').toLowerCase();
  if ('hidden' in attrs || style.includes('display:none') || style.includes('visibility:hidden')) return true;
  const facts = stats.get(node);
  const small = facts.cjk < Math.min(300, rootCjk * 0.3);
  if (!small) return false;
  if (name === 'nav' || name === 'aside' || name === 'footer' || name === 'form' || name === 'header') return true;
  const names = `${attrs.class ?? ''} ${attrs.id ?? ''}`.split(/\s+/).filter(Boolean);
  if (names.some((n) => CHROME_NAME.test(n))) return true;
  // Only a short text is read (its rope flattened): a long one is neither a breadcrumb nor a metadata table.
  if (facts.text.length > LOOKED_AT) return false;
  const text = facts.text.trim();
  if (BREADCRUMB.test(text) && text.length < 150) return true;
  if (name === 'table' && (text.match(META_LABELS)?.length ?? 0) >= 2 && text.length < 600) return true;
  return false;
}

/** Lines that are only 【打印本页】【关闭窗口】-style buttons, breadcrumbs or share bars. */
export function dropChromeLines(lines: readonly string[]): string[] {
  return lines.filter((line) => {
    const text = line.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
    if (text === '') return true;
    if (BREADCRUMB.test(text) && text.length < 150) return false;
    if (CHROME_LINE.test(text) && text.length < 80) return false;
    const tokens = text.match(/[【[]\s*([^】\]]{1,12}?)\s*[】\]]/g);
    if (tokens && text.replace(/[【[][^】\]]{1,12}[】\]]/g, '').replace(/[\s|｜·、,，:：]/g, '') === '') {
      return !tokens.every((token) => CHROME_TOKEN.test(token.replace(/^[【[]\s*/, '')));
    }
    return true;
  });
}

function describe(node: DomNode): string {
  const name = tagName(node) || node.type;
  const id = node.attribs?.id ? `#${node.attribs.id}` : '';
  const cls = (node.attribs?.class ?? '').trim().split(/\s+/).filter(Boolean).map((c) => `.${c}`).join('');
  return `${name}${id}${cls}`;
}
