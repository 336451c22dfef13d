// The JS/WASM API on a plain page: check() on the text, checkMany() on files.
import init, { check, checkMany, version } from './pkg/nianbao.js';

const $ = (id) => document.getElementById(id);

function show(reports) {
  $('summary').textContent = reports
    .map((r) => `${r.source ?? '（粘贴的文本）'}：${r.agency ?? '未识别机关'} ${r.year ?? '?'}年度，${r.summary.verdict}`)
    .join('；');
  $('json').textContent = reports.map((r) => JSON.stringify(r)).join('\n');
}

await init();
$('version').textContent = version();
$('run').disabled = false;

$('run').addEventListener('click', () => {
  const source = $('source').value.trim() || null;
  show([check($('text').value, source)]);
});

$('files').addEventListener('change', async () => {
  const files = [...$('files').files].sort((a, b) => a.name.localeCompare(b.name));
  const texts = await Promise.all(files.map((f) => f.text()));
  show(checkMany(texts, files.map((f) => f.name)));
});
