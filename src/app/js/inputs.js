// Format decoding for the app, with the browser's own tools: an HTML page
// or pasted text/html (DOMParser), a .docx (its zip read here, inflated by
// DecompressionStream, document.xml by DOMParser) and a .pdf (pdf.js, loaded
// only when a PDF is opened). Loaded lazily by boot.js (window.nianbaoRead).
//
// HTML and .docx give blocks in document order, as the core's
// `input::Block`: {kind: 'text', content: '…'} and {kind: 'table', content:
// [[cell, …], …]} — each <td>/<th> (Word cell) once, in the row where it
// starts, with no rowspan/colspan expansion; only innermost tables are
// tables (a table holding tables lays out the page). A PDF gives its text
// items and where they stand, page by page, which the core lays out as
// lines. Nothing here knows about reports.

export async function read(kind, data) {
  if (kind === 'html') return htmlBlocks(data);
  if (kind === 'docx') return docxBlocks(new Uint8Array(data));
  if (kind === 'pdf') return pdfItems(new Uint8Array(data));
  throw new Error('unknown kind ' + kind);
}

// ------------------------------------------------------------------ HTML

const BLOCK_ELEMENTS = new Set(['P', 'DIV', 'BR', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'SECTION',
  'ARTICLE', 'HEADER', 'FOOTER', 'BLOCKQUOTE', 'PRE', 'HR', 'DD', 'DT', 'DL', 'TITLE', 'CAPTION', 'CENTER', 'FORM',
  'NAV', 'ASIDE', 'MAIN', 'FIGURE', 'TR', 'TD', 'TH', 'TABLE']);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD']);

/** Running text collected into Text blocks (lines squeezed, blank ones dropped). */
class Blocks {
  constructor() { this.blocks = []; this.text = ''; }
  breakLine() { if (this.text && !this.text.endsWith('\n')) this.text += '\n'; }
  flush() {
    const lines = this.text.split('\n').map((l) => l.split(/\s+/).filter(Boolean).join(' ')).filter(Boolean);
    if (lines.length) this.blocks.push({ kind: 'text', content: lines.join('\n') });
    this.text = '';
  }
  table(rows) { this.flush(); this.blocks.push({ kind: 'table', content: rows }); }
  done() { this.flush(); return this.blocks; }
}

export function htmlBlocks(html) {
  // Parsing a page's <style>, style="…" and on…="…" would fire the app's
  // CSP (the parsed document inherits it), though nothing runs: they carry
  // no text, so they go first.
  const inert = html
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<(?:link|meta|base|img|iframe|object|embed)\b[^>]*>/gi, '')
    .replace(/\s(?:style|on[a-z]+)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi, '');
  const doc = new DOMParser().parseFromString(inert, 'text/html');
  const out = new Blocks();
  walkHtml(doc.body || doc.documentElement, out);
  return out.done();
}

function walkHtml(node, out) {
  for (const child of node.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) {
      out.text += child.data.replace(/[\r\n]/g, ' ');
    } else if (child.nodeType === Node.ELEMENT_NODE) {
      const tag = child.tagName;
      if (SKIPPED.has(tag)) continue;
      if (tag === 'TABLE' && !child.querySelector('table')) {
        out.table([...child.rows].map((tr) => [...tr.cells].map(cellText)));
        continue;
      }
      const block = BLOCK_ELEMENTS.has(tag);
      if (block) out.breakLine();
      walkHtml(child, out);
      if (block) out.breakLine();
    }
  }
}

/** A cell's text: <br> and block elements as line breaks. */
function cellText(cell) {
  let s = '';
  const walk = (node) => {
    for (const c of node.childNodes) {
      if (c.nodeType === Node.TEXT_NODE) s += c.data.replace(/[\r\n]/g, ' ');
      else if (c.nodeType === Node.ELEMENT_NODE && !SKIPPED.has(c.tagName)) {
        const block = BLOCK_ELEMENTS.has(c.tagName);
        if (block && s && !s.endsWith('\n')) s += '\n';
        walk(c);
        if (block && s && !s.endsWith('\n')) s += '\n';
      }
    }
  };
  walk(cell);
  return s.replace(/\n+$/, '');
}

// ------------------------------------------------------------------ .docx

const MAX_XML = 64 * 1024 * 1024;

/** The named file of a zip, found through its central directory. */
export async function unzip(bytes, wanted) {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (v.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error('不是有效的.docx文件（无法作为zip读取）');
  const count = v.getUint16(eocd + 10, true);
  let p = v.getUint32(eocd + 16, true);
  const decoder = new TextDecoder();
  for (let n = 0; n < count && p + 46 <= bytes.length; n++) {
    if (v.getUint32(p, true) !== 0x02014b50) break;
    const method = v.getUint16(p + 10, true);
    const size = v.getUint32(p + 20, true);
    const full = v.getUint32(p + 24, true);
    const nameLen = v.getUint16(p + 28, true);
    const extraLen = v.getUint16(p + 30, true);
    const commentLen = v.getUint16(p + 32, true);
    const local = v.getUint32(p + 42, true);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
    if (name !== wanted) continue;
    if (v.getUint32(local, true) !== 0x04034b50) throw new Error('不是有效的.docx文件（zip文件已损坏）');
    const start = local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + size);
    if (method === 0) return data;
    if (method !== 8) throw new Error('不是有效的.docx文件（不支持的压缩方式）');
    if (full > MAX_XML) throw new Error('.docx文件内容过大');
    const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }
  throw new Error('不是有效的.docx文件（缺少' + wanted + '），如为旧版.doc请另存为.docx');
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export async function docxBlocks(bytes) {
  const xml = new TextDecoder().decode(await unzip(bytes, 'word/document.xml'));
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length) throw new Error('不是有效的.docx文件（document.xml无法解析）');
  const body = doc.getElementsByTagNameNS(W, 'body')[0];
  const out = new Blocks();
  if (body) walkDocx(body, out);
  return out.done();
}

const isW = (el, name) => el.namespaceURI === W && el.localName === name;
const wChildren = (el, name) => [...el.children].filter((c) => isW(c, name));

function walkDocx(node, out) {
  for (const el of node.children) {
    if (isW(el, 'p')) {
      out.text += paragraphText(el);
      out.breakLine();
    } else if (isW(el, 'tbl')) {
      if (el.getElementsByTagNameNS(W, 'tbl').length) {
        // A table holding tables lays out the page.
        for (const tr of wChildren(el, 'tr')) for (const tc of wChildren(tr, 'tc')) walkDocx(tc, out);
      } else {
        out.table(wChildren(el, 'tr').map((tr) => cellsOf(tr).map(cellTextDocx)));
      }
    } else if (!isW(el, 'sectPr')) {
      walkDocx(el, out); // w:sdt, w:customXml … hold paragraphs and tables
    }
  }
}

/** A row's cells, without those merged down from the row above (w:vMerge). */
function cellsOf(tr) {
  const cells = [];
  const collect = (el) => {
    for (const c of el.children) {
      if (isW(c, 'tc')) cells.push(c);
      else if (isW(c, 'sdt') || isW(c, 'sdtContent') || isW(c, 'customXml')) collect(c);
    }
  };
  collect(tr);
  return cells.filter((tc) => {
    const pr = wChildren(tc, 'tcPr')[0];
    const merge = pr && wChildren(pr, 'vMerge')[0];
    return !merge || merge.getAttributeNS(W, 'val') === 'restart';
  });
}

function cellTextDocx(tc) {
  return [...tc.getElementsByTagNameNS(W, 'p')].map(paragraphText).join('\n').replace(/\n+$/, '');
}

/** A paragraph's text: w:t runs, w:tab as a tab, w:br as a line break; deleted text and field codes are other elements. */
function paragraphText(p) {
  let s = '';
  const walk = (el) => {
    for (const c of el.children) {
      if (c.namespaceURI !== W) continue;
      if (c.localName === 't') s += c.textContent;
      else if (c.localName === 'tab') s += '\t';
      else if (c.localName === 'br' || c.localName === 'cr') s += '\n';
      else if (c.localName !== 'del' && c.localName !== 'pPr' && c.localName !== 'rPr') walk(c);
    }
  };
  walk(p);
  return s;
}

// ------------------------------------------------------------------ PDF

/**
 * The PDF's text items, page by page, as the core's
 * `input::pdf_text::TextItem`: {s: text, x, y, w: width, h: height} (PDF
 * units, y upwards). The core lays them out as lines
 * (`input::pdf_text::document_text`), as it does the command line's.
 */
export async function pdfItems(bytes) {
  const here = import.meta.url;
  const pdfjs = await import(new URL('./pdfjs/pdf.min.mjs', here).href);
  pdfjs.GlobalWorkerOptions.workerSrc = new URL('./pdfjs/pdf.worker.min.mjs', here).href;
  const task = pdfjs.getDocument({
    data: bytes,
    cMapUrl: new URL('./pdfjs/cmaps/', here).href,
    cMapPacked: true,
    standardFontDataUrl: new URL('./pdfjs/standard_fonts/', here).href,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
  });
  const pdf = await task.promise;
  const pages = [];
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pages.push(
        content.items
          .filter((it) => typeof it.str === 'string' && it.str.trim() !== '')
          .map((it) => ({
            s: it.str,
            x: it.transform[4],
            y: it.transform[5],
            w: it.width || 0,
            h: Math.abs(it.height || it.transform[3] || 10),
          })),
      );
      page.cleanup();
    }
  } finally {
    await task.destroy();
  }
  return pages;
}
