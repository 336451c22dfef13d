// Report files for the batch's tests and benchmark, made from the seed
// reports in tests/fixtures with varied values, in mixed shapes: UTF-8
// text, UTF-16 text with a BOM, a saved web page (.html) and a Word file
// (.docx); and files that are no report (an image, an empty file, a
// budget report). Deterministic: the same count gives the same files.
//
//   import { reports, nonReports, writeAll } from './batch-files.mjs';

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zip } from './harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures');
const SEEDS = fs
  .readdirSync(FIXTURES)
  .filter((n) => n.endsWith('.txt'))
  .sort()
  .map((n) => fs.readFileSync(path.join(FIXTURES, n), 'utf8'));

/** A small deterministic generator (mulberry32). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CITIES = ['东阳市', '临海市', '义乌市', '兰溪市', '永康市', '江山市', '龙泉市', '温岭市', '海宁市', '桐乡市'];
const OFFICES = ['教育局', '民政局', '财政局', '自然资源局', '交通运输局', '卫生健康局', '市场监督管理局', '应急管理局', '统计局', '人民政府办公室'];

// The agencies the seeds name (a seed not listed keeps its own).
const SEED_AGENCIES = ['温州市机关事务管理局', '温州市政务服务中心', '温州市大数据发展管理局', '乐清市机关事务管理中心', '合成测试县人民政府',
  '合成测试市人民政府', '合成测试街道办事处', '合成测试区人民政府', '合成测试局'];

/** A seed's text under another agency, with now and then a table figure changed (a sum then breaks). */
function varied(text, rnd, n) {
  const agency = `${CITIES[n % CITIES.length]}${OFFICES[Math.floor(n / CITIES.length) % OFFICES.length]}`;
  let out = text;
  for (const a of SEED_AGENCIES) out = out.split(a).join(agency);
  // Numbers alone on a line or between tabs and spaces (table cells).
  return out.replace(/(^|\t| )(\d{1,4})(?=$|\t| )/gm, (m, lead) => (rnd() < 0.01 ? `${lead}${Math.floor(rnd() * 40)}` : m));
}

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** What a saved web page carries around the report: styles, a script, the site's menus. */
const CHROME = {
  head: `<style>${'.nav a{color:#036;margin:0 4px}.foot{font-size:12px;color:#666}'.repeat(80)}</style>
<script>${'window.stat=window.stat||[];stat.push(["pv",location.href]);'.repeat(80)}</script>`,
  top: `<div class="nav">${Array.from({ length: 120 }, (_, i) => `<a href="/col/col${i}/index.html">栏目${i}</a>`).join(' ')}</div>`,
  foot: `<div class="foot">${'主办单位：某某市人民政府办公室 地址：某某路1号 邮编：000000 '.repeat(12)}</div>`,
};

/** A saved web page: a line a paragraph, tab-separated lines as table rows, inside the site's page. */
function html(text) {
  const body = text
    .split('\n')
    .map((l) => (l.includes('\t') ? `<table><tr>${l.split('\t').map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr></table>` : `<p>${escapeHtml(l)}</p>`))
    .join('\n');
  return Buffer.from(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>年度报告</title>${CHROME.head}</head><body>
${CHROME.top}<div class="content">
${body}
</div>${CHROME.foot}</body></html>`);
}

/** A Word file: a line a paragraph (tabs as w:tab), as a report typed in Word. */
function docx(text) {
  const run = (l) =>
    l
      .split('\t')
      .map((part) => `<w:t xml:space="preserve">${escapeHtml(part)}</w:t>`)
      .join('<w:tab/>');
  const body = text
    .split('\n')
    .map((l) => `<w:p><w:r>${run(l)}</w:r></w:p>`)
    .join('');
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`;
  return zip({
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'word/document.xml': xml,
  });
}

const utf16 = (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

/**
 * `count` report files, [{name, bytes}], about 10 KB each: the seeds in
 * turn, varied, a quarter each as UTF-8 text, UTF-16 text, .html and .docx.
 */
export function reports(count, seed = 17) {
  const rnd = random(seed);
  const out = [];
  for (let i = 0; i < count; i++) {
    const text = varied(SEEDS[i % SEEDS.length], rnd, i);
    const stem = `${String(i + 1).padStart(3, '0')}_报告`;
    switch (i % 4) {
      case 0:
        out.push({ name: `${stem}.txt`, bytes: Buffer.from(text) });
        break;
      case 1:
        out.push({ name: `${stem}_utf16.txt`, bytes: utf16(text) });
        break;
      case 2:
        out.push({ name: `${stem}.html`, bytes: html(text) });
        break;
      default:
        out.push({ name: `${stem}.docx`, bytes: docx(text) });
    }
  }
  return out;
}

/** A 1×1 PNG. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201ccd4a7b70000000049454e44ae426082',
  'hex',
);

/** Files that are no report: each must still be a row, with its reason. */
export function nonReports() {
  return [
    { name: '照片.png', bytes: PNG, kind: 'unreadable' },
    { name: '空白.txt', bytes: Buffer.alloc(0), kind: 'not-report' },
    {
      name: '2023年部门预算.txt',
      bytes: Buffer.from(
        '某某县财政局2023年部门预算公开说明\n一、部门主要职责\n二、部门预算单位构成\n三、收支预算总体情况\n' +
          '2023年收入预算1234.56万元，其中一般公共预算拨款1000.00万元。\n支出预算1234.56万元。\n四、一般公共预算“三公”经费支出情况\n',
      ),
      kind: 'not-report',
    },
  ];
}

/** Writes files into `dir` (made if missing); returns their paths. */
export function writeAll(dir, files) {
  fs.mkdirSync(dir, { recursive: true });
  return files.map((f) => {
    const p = path.join(dir, f.name);
    fs.writeFileSync(p, f.bytes);
    return p;
  });
}
