import { parse, type HTMLElement, type Node } from "node-html-parser";

/** A table found on a page, with the text around it that may state its unit or section. */
export interface PageTable {
  /** The nearest heading above the table (e.g. a model name on Google's page, "Batch" on OpenAI's). */
  heading: string;
  /**
   * Enclosing headings (outer to inner) with the paragraphs under each, then the caption: where a page says "Prices per
   * 1M tokens".
   */
  context: string;
  /** Rectangular cell grid (row/colspans expanded); row 0 is the header. */
  rows: string[][];
}

/**
 * Extracts every table from an HTML or markdown page, in document order. Finds tables by structure only:
 * no CSS classes or ids are read, so a restyled page still parses.
 */
export function extractTables(text: string): PageTable[] {
  const body = text.replace(/<!--[\s\S]*?-->/g, "");
  return /<table[\s>]/i.test(body) ? htmlTables(body) : markdownTables(body);
}

/** Collapses whitespace and strips markdown emphasis, links and footnote marks from a label. */
export function cleanLabel(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\*+|`|__|[†‡¹²³⁴⁵⁶⁷⁸⁹⁰]/g, "")
    .replace(/\[\d+\]/g, "")
    .replace(/\((deprecated|legacy|retired)[^)]*\)/gi, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** The open sections above the current point: a heading closes every section of its level or deeper. */
class Sections {
  private stack: { level: number; heading: string; notes: string[] }[] = [{ level: 0, heading: "", notes: [] }];

  heading(level: number, text: string): void {
    this.stack = this.stack.filter((s) => s.level < level);
    this.stack.push({ level, heading: text, notes: [] });
  }

  note(text: string): void {
    const top = this.stack[this.stack.length - 1];
    if (top && text !== "") top.notes = [...top.notes, text].slice(-3);
  }

  current(): string {
    return this.stack[this.stack.length - 1]?.heading ?? "";
  }

  context(extra = ""): string {
    return [...this.stack.flatMap((s) => [s.heading, ...s.notes]), extra].filter(Boolean).join(" \n");
  }
}

interface WalkState {
  sections: Sections;
  tables: PageTable[];
}

function htmlTables(html: string): PageTable[] {
  const root = parse(html, { comment: false });
  const state: WalkState = { sections: new Sections(), tables: [] };
  walk(root, state);
  return state.tables;
}

function walk(node: Node, state: WalkState): void {
  for (const child of node.childNodes) {
    if (child.nodeType !== 1) continue;
    const el = child as HTMLElement;
    const tag = (el.rawTagName ?? "").toLowerCase();
    if (/^h[1-6]$/.test(tag)) {
      state.sections.heading(Number(tag[1]), cleanLabel(el.text));
    } else if (tag === "table") {
      const caption = el.querySelector("caption");
      const context = state.sections.context(caption ? cleanLabel(caption.text) : "");
      state.tables.push({ heading: state.sections.current(), context, rows: htmlGrid(el) });
    } else if (tag === "p") {
      state.sections.note(cleanLabel(el.text));
    } else if (tag !== "script" && tag !== "style") {
      walk(el, state);
    }
  }
}

/** Expands rowspan/colspan so each row has one cell per column. */
function htmlGrid(table: HTMLElement): string[][] {
  const trs = table.querySelectorAll("tr").filter((tr) => tr.closest("table") === table);
  const grid: string[][] = [];
  const carry = new Map<number, { text: string; left: number }>();
  for (const tr of trs) {
    const row: string[] = [];
    const cells = tr.childNodes.filter(
      (n): n is HTMLElement => n.nodeType === 1 && /^t[hd]$/i.test((n as HTMLElement).rawTagName ?? ""),
    );
    let col = 0;
    const fillCarried = (): void => {
      for (let c = carry.get(col); c; c = carry.get(col)) {
        row[col] = c.text;
        if (--c.left === 0) carry.delete(col);
        col++;
      }
    };
    for (const cell of cells) {
      fillCarried();
      const text = cellText(cell);
      const colspan = span(cell.getAttribute("colspan"));
      const rowspan = span(cell.getAttribute("rowspan"));
      for (let k = 0; k < colspan; k++) {
        row[col] = text;
        if (rowspan > 1) carry.set(col, { text, left: rowspan - 1 });
        col++;
      }
    }
    fillCarried();
    grid.push(Array.from(row, (c) => c ?? ""));
  }
  return grid;
}

function cellText(cell: HTMLElement): string {
  return cell.structuredText
    .split("\n")
    .map((l) => l.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
}

function span(attr: string | undefined): number {
  const n = Number(attr ?? 1);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 50) : 1;
}

const MD_SEPARATOR = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/;

function markdownTables(md: string): PageTable[] {
  const lines = md.split(/\r?\n/);
  const tables: PageTable[] = [];
  const sections = new Sections();
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").trim();
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    if (h) {
      sections.heading(h[1]?.length ?? 1, cleanLabel(h[2] ?? ""));
    } else if (line.startsWith("|") && MD_SEPARATOR.test((lines[i + 1] ?? "").trim())) {
      const rows = [splitRow(line)];
      i += 2;
      while (i < lines.length && (lines[i] ?? "").trim().startsWith("|"))
        rows.push(splitRow((lines[i++] ?? "").trim()));
      i--;
      tables.push({ heading: sections.current(), context: sections.context(), rows });
    } else if (line !== "") {
      sections.note(cleanLabel(line));
    }
  }
  return tables;
}

function splitRow(line: string): string[] {
  const inner = line.replace(/^\|/, "").replace(/\|$/, "");
  return inner.split(/(?<!\\)\|/).map((c) =>
    c
      .replace(/\\\|/g, "|")
      .replace(/<br\s*\/?>/gi, "\n")
      .split("\n")
      .map((l) => l.trim())
      .join("\n")
      .trim(),
  );
}
