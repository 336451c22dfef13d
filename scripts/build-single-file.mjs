#!/usr/bin/env node
// Builds www/dist/nianbao-checker-single.html: the <nianbao-checker> widget
// in one self-contained HTML file (wasm inlined as base64, no fetch), for
// intranets where people pass files around and open them from file://.
//
//   node scripts/build-single-file.mjs      (after the wasm-pack build into www/pkg)
//
// The wasm-bindgen glue (an ES module) is wrapped into a function that
// returns its exports, the widget's one import line is replaced by it, and
// the widget's WASM_BYTES line by the inlined bytes. Each replacement must
// match exactly once, so a change in either file fails the build loudly.
// The page carries its own CSP: nothing but its two inline blocks (by hash)
// and the wasm may run, and no request of any kind may leave the page.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const www = join(root, 'www');
const out = join(www, 'dist', 'nianbao-checker-single.html');

const read = (p) => readFileSync(join(www, p));
const glue = read('pkg/nianbao.js').toString('utf8');
const wasm = read('pkg/nianbao_bg.wasm');
const widget = read('nianbao-checker.js').toString('utf8');
const version = JSON.parse(read('pkg/package.json')).version;

function fail(message) {
  console.error(`build-single-file: ${message}`);
  process.exit(1);
}

/** Replaces `pattern` (which must match exactly once) in `text`. */
function replaceOnce(text, pattern, replacement, what) {
  const matches = text.match(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g'));
  if (!matches || matches.length !== 1) fail(`expected exactly one ${what}, found ${matches ? matches.length : 0}`);
  return text.replace(pattern, () => replacement);
}

// 1. The glue as an expression: `(() => { …; return { check, …, default: __wbg_init }; })()`.
const exported = [];
let body = glue.replace(/^export (async )?function (\w+)/gm, (_, isAsync, name) => {
  exported.push([name, name]);
  return `${isAsync ?? ''}function ${name}`;
});
body = replaceOnce(
  body,
  /^export \{([^}]*)\};?\s*$/m,
  '',
  'export list in pkg/nianbao.js',
);
const list = glue.match(/^export \{([^}]*)\};?\s*$/m)[1];
for (const item of list.split(',').map((s) => s.trim()).filter(Boolean)) {
  const [local, as] = item.split(/\s+as\s+/);
  exported.push([as ?? local, local]);
}
if (/^\s*(import|export)\b/m.test(body)) fail('pkg/nianbao.js has an import or export this script does not handle');
for (const needed of ['default', 'checkAndRender']) {
  if (!exported.some(([name]) => name === needed)) fail(`pkg/nianbao.js exports no ${needed}`);
}
const namespace = `(() => {\n${body}\nreturn { ${exported.map(([as, local]) => `${JSON.stringify(as)}: ${local}`).join(', ')} };\n})()`;

// 2. The widget with the glue and the bytes in place of its import and its fetch.
let script = replaceOnce(
  widget,
  /^import \* as nianbao from '\.\/pkg\/nianbao\.js';$/m,
  `const nianbao = ${namespace};`,
  "widget line `import * as nianbao from './pkg/nianbao.js';`",
);
script = replaceOnce(
  script,
  /^const WASM_BYTES = undefined;$/m,
  `const WASM_BYTES = Uint8Array.from(atob(${JSON.stringify(wasm.toString('base64'))}), (c) => c.charCodeAt(0));`,
  'widget line `const WASM_BYTES = undefined;`',
);
if (/^\s*import\b/m.test(script)) fail('the widget has an import this script does not inline');
// Inside an inline <script>, `</script` would end it and `<!--` changes how
// it is parsed; in JS both can only sit in strings or comments, where a
// backslash before the `/` or the `!` changes nothing.
script = script.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

const style = `
body { font: 15px/1.6 system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: #1f2328; margin: 0; background: #f6f7f9; }
main { max-width: 1080px; margin: 0 auto; padding: 16px 20px 40px; }
h1 { font-size: 22px; margin: 8px 0; }
p { color: #57606a; }
`;
const hash = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
const csp = [
  "default-src 'none'",
  `script-src ${hash(script)} 'wasm-unsafe-eval'`,
  `style-src ${hash(style)}`,
  'img-src data:',
].join('; ');

const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="nianbao ${version}">
<title>年报体检（单文件版）</title>
<link rel="icon" href="data:,">
<style>${style}</style>
<script type="module">${script}</script>
</head>
<body>
<main>
<h1>年报体检</h1>
<p>政府信息公开工作年度报告检查器（单文件版 ${version}）。粘贴年报全文即自动检查；全部在本机浏览器内完成，不联网，可保存后离线打开。</p>
<nianbao-checker></nianbao-checker>
</main>
</body>
</html>
`;

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, html);
console.log(`${out.slice(root.length + 1)}: ${html.length} bytes (wasm ${wasm.length} bytes inlined)`);
