// The notice syntax tree (unist). Every node carries a position into the source text.
import type { Node, Parent, Position } from 'unist';

/** Numbering styles of Chinese official documents, named by their marker. */
export type NumberStyle = 'cn' | 'paren-cn' | 'arabic' | 'paren-arabic' | 'arabic-paren' | 'circled' | 'ordinal-cn' | 'named-cn';

export interface ParagraphNode extends Node {
  type: 'paragraph';
  /** the line in the parse view, trimmed */
  value: string;
  /** a TAB-separated table row (from HTML or .docx tables) */
  cells?: CellNode[];
  /** site chrome (您当前的位置, 打印本页, 分享到): not content */
  chrome?: boolean;
  /** an unnumbered heading of a part of the plan (重点任务, 保障措施) on a line of its own */
  heading?: boolean;
  position: Position;
}

export interface CellNode extends Node {
  type: 'cell';
  value: string;
  position: Position;
}

export interface ItemNode extends Parent {
  type: 'item';
  style: NumberStyle;
  /** the marker as numbered, normalised: "1", "(三)", "二", "(2)", "①" */
  number: string;
  /** the numeric value of the marker: 3 for (三) */
  ordinal: number;
  /** the text after the marker on the item's own line */
  value: string;
  /** offset where `value` starts */
  valueStart: number;
  children: Array<ItemNode | ParagraphNode>;
  position: Position;
}

/** One document: the covering notice with its plan, or one 附件. */
export interface DocumentNode extends Parent {
  type: 'document';
  /** 0 for the covering notice, N for 附件N */
  annex: number;
  /** the annex marker line (附件1), if any */
  marker: ParagraphNode | null;
  children: Array<ItemNode | ParagraphNode>;
  position: Position;
}

export interface RootNode extends Parent {
  type: 'root';
  children: DocumentNode[];
  position: Position;
}

export type AnyNode = RootNode | DocumentNode | ItemNode | ParagraphNode | CellNode;
