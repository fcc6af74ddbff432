// hast for the review page: node types from @types/hast, elements built with hastscript.
// `h` keeps one convenience over hastscript: `false` children and properties are skipped, so conditions read inline.
import type { Element, ElementContent, Properties as HastProperties, Root, Text } from 'hast';
import { h as hastscript } from 'hastscript';

export type HastElement = Element;
export type HastText = Text;
export type HastRoot = Root;
export type HastChild = ElementContent;
export type PropertyValue = string | number | boolean | null | undefined | readonly (string | number)[];
export type Properties = Record<string, PropertyValue>;

/** What `h()` accepts as children: nodes, strings (become text), and nothing (skipped). */
export type HChild = HastChild | string | number | null | undefined | false | readonly HChild[];

/** Children flattened into `out`, appended one by one: a list of 200,000 diagnostics is not spread into a call. */
function clean(children: readonly HChild[], out: Array<HastChild | string> = []): Array<HastChild | string> {
  for (const c of children) {
    if (c === null || c === undefined || c === false || c === '') continue;
    if (Array.isArray(c)) clean(c as readonly HChild[], out);
    else out.push(typeof c === 'number' ? String(c) : (c as HastChild | string));
  }
  return out;
}

/** Build an element: `h('mark', { className: ['task'], dataK: 't:A1.T1' }, 'text')`. */
export function h(tagName: string, properties: Properties = {}, ...children: HChild[]): HastElement {
  const props: HastProperties = {};
  for (const [k, v] of Object.entries(properties)) if (v !== null && v !== undefined && v !== false) props[k] = v as HastProperties[string];
  return hastscript(tagName, props, clean(children));
}

export function text(value: string): HastText {
  return { type: 'text', value };
}
