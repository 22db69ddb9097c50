// A minimal, structural subset of pdfmake's document definition. shared/ may
// not depend on @types/pdfmake (its typings pull DOM and Node globals into the
// pure layer), so the report and letter builders describe documents with
// these plain types; pdfmake accepts them unchanged in the renderer.

export type PdfAlignment = 'left' | 'right' | 'center' | 'justify';
export type PdfMargins = number | [number, number] | [number, number, number, number];

export interface PdfStyle {
  fontSize?: number;
  bold?: boolean;
  italics?: boolean;
  color?: string;
  alignment?: PdfAlignment;
  margin?: PdfMargins;
  lineHeight?: number;
  fillColor?: string;
}

export interface PdfTextNode extends PdfStyle {
  text: string | PdfInline[];
  style?: string | string[];
  pageBreak?: 'before' | 'after';
  /** Keeps a heading with the next node (pdfmake `headlineLevel` is not needed). */
  unbreakable?: boolean;
}

export type PdfInline = string | (PdfStyle & { text: string });

export interface PdfTableCell extends PdfStyle {
  text: string;
  style?: string | string[];
  colSpan?: number;
}

export interface PdfTableNode extends PdfStyle {
  table: {
    headerRows?: number;
    widths: (number | '*' | 'auto' | `${number}%`)[];
    body: (PdfTableCell | Record<string, never>)[][];
    dontBreakRows?: boolean;
    keepWithHeaderRows?: number;
  };
  layout?: string;
  style?: string | string[];
  pageBreak?: 'before' | 'after';
}

export interface PdfColumnsNode extends PdfStyle {
  columns: (PdfNode & { width?: number | '*' | 'auto' })[];
  columnGap?: number;
}

export interface PdfStackNode extends PdfStyle {
  stack: PdfNode[];
  pageBreak?: 'before' | 'after';
  unbreakable?: boolean;
}

export interface PdfImageNode extends PdfStyle {
  /** data: URL (PNG or JPEG) – never a file path or remote URL. */
  image: string;
  fit?: [number, number];
  width?: number;
}

export interface PdfCanvasNode {
  canvas: { type: 'line'; x1: number; y1: number; x2: number; y2: number; lineWidth: number; lineColor?: string }[];
  margin?: PdfMargins;
}

export type PdfNode = PdfTextNode | PdfTableNode | PdfColumnsNode | PdfStackNode | PdfImageNode | PdfCanvasNode;

/** Header/footer callbacks receive the current page and the page count. */
export type PdfPageFn = (currentPage: number, pageCount: number) => PdfNode | PdfNode[] | null;

export interface PdfDocDefinition {
  pageSize: 'A4';
  pageOrientation: 'portrait' | 'landscape';
  pageMargins: [number, number, number, number];
  info: { title: string; author: string; subject?: string; creator: string };
  defaultStyle: PdfStyle & { font: string };
  styles: Record<string, PdfStyle>;
  header?: PdfPageFn;
  footer?: PdfPageFn;
  content: PdfNode[];
  /** Document language for screen readers (PDF /Lang). */
  language?: string;
}
