// The Mozilla Readability half of the Tidings extraction benchmark (see compare.sh):
// the same pages as org.tidings.extract.ExtractionSpeed, the same scoring conventions
// (shared/data/README.md), timed on one core. jsdom keeps memory across windows (a single
// process runs out of heap before 630 pages), so pages are extracted by worker processes in
// batches of BATCH pages; each worker first warms up on the first WARMUP pages of its batch
// (untimed), then times its whole batch. Only extraction (jsdom parse + Readability) is timed.
// Usage: node readability-bench.js [dataDir=../../../shared/data] [batch=90] [warmupPages=20]
"use strict";
const fs = require("fs");
const path = require("path");
const { JSDOM, VirtualConsole } = require("jsdom");
const { Readability } = require("@mozilla/readability");

const data = process.argv[2] || path.join(__dirname, "../../../shared/data");
const { spawnSync } = require("child_process");
const batch = Number(process.argv[3] || 90);
const warmupPages = Number(process.argv[4] || 20);
const DEV_URL = "http://fakehost/test/page.html";

function loadPages() {
  const pages = [];
  const evalDir = path.join(data, "extraction-eval-dev");
  const expectations = JSON.parse(fs.readFileSync(path.join(evalDir, "expectations.json"), "utf8"));
  for (const [url, e] of Object.entries(expectations)) {
    pages.push({ url, body: fs.readFileSync(path.join(evalDir, "pages", e.file)), eval: e });
  }
  const devDir = path.join(data, "extraction-dev", "pages");
  for (const name of fs.readdirSync(devDir).sort()) {
    const expectedHtml = fs.readFileSync(path.join(devDir, name, "expected.html"), "utf8");
    const expected = new JSDOM(expectedHtml).window.document.body.textContent;
    pages.push({ url: DEV_URL, body: fs.readFileSync(path.join(devDir, name, "source.html")), expected });
  }
  return pages;
}

function extract(page) {
  try {
    // A Buffer lets jsdom sniff the encoding (BOM, meta charset) as a browser would. A fresh, silent
    // console per page: a shared one keeps every window reachable.
    const dom = new JSDOM(page.body, { url: page.url, virtualConsole: new VirtualConsole() });
    const article = new Readability(dom.window.document).parse();
    dom.window.close();
    return article && article.textContent ? article.textContent : "";
  } catch (e) {
    return "";
  }
}

const WORD = /[\p{L}\p{N}_]+/gu;
function shingles(text) {
  const words = text.match(WORD) || [];
  const counts = new Map();
  if (words.length === 0) return counts;
  if (words.length < 4) { counts.set(words.join(" "), 1); return counts; }
  for (let i = 0; i + 4 <= words.length; i++) {
    const key = words.slice(i, i + 4).join(" ");
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  return counts;
}
function precisionRecall(predicted, expected) {
  const p = shingles(predicted), e = shingles(expected);
  let pTotal = 0, eTotal = 0, common = 0;
  for (const v of p.values()) pTotal += v;
  for (const v of e.values()) eTotal += v;
  if (pTotal === 0 && eTotal === 0) return [1, 1];
  for (const [k, v] of p) common += Math.min(v, e.get(k) || 0);
  return [pTotal ? common / pTotal : 0, eTotal ? common / eTotal : 0];
}
const fold = (s) => s.replace(/\s+/g, " ").trim();
const f1 = (p, r) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

function worker(start, end) {
  const pages = loadPages().slice(start, end);
  pages.slice(0, warmupPages).forEach(extract);
  const t0 = process.hrtime.bigint();
  const texts = pages.map(extract);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  process.stdout.write(JSON.stringify({ seconds, texts }));
}

if (process.argv[5] === "--worker") {
  worker(Number(process.argv[6]), Number(process.argv[7]));
  return;
}

const pages = loadPages();
const bytes = pages.reduce((n, p) => n + p.body.length, 0);
let texts = [];
let seconds = 0;
for (let start = 0; start < pages.length; start += batch) {
  const args = [...process.execArgv, __filename, data, String(batch), String(warmupPages), "--worker",
    String(start), String(Math.min(start + batch, pages.length))];
  const run = spawnSync(process.execPath, args, { maxBuffer: 1 << 30, encoding: "utf8" });
  if (run.status !== 0) throw new Error("worker failed: " + run.stderr);
  const result = JSON.parse(run.stdout);
  seconds += result.seconds;
  texts = texts.concat(result.texts);
}
const passes = 1;

let tp = 0, fn = 0, fp = 0, precision = 0, recall = 0, dev = 0;
pages.forEach((page, i) => {
  const text = fold(texts[i]);
  if (page.eval) {
    for (const s of page.eval.with) (text.includes(fold(s)) ? tp++ : fn++);
    for (const s of page.eval.without) if (text.includes(fold(s))) fp++;
  } else {
    const [p, r] = precisionRecall(texts[i], page.expected);
    precision += p; recall += r; dev++;
  }
});
const sp = tp / (tp + fp), sr = tp / (tp + fn);
console.log(
  `readability.js: ${pages.length} pages (${(bytes / 1e6).toFixed(1)} MB) x ${passes} passes in ${seconds.toFixed(2)} s = ` +
  `${((pages.length * passes) / seconds).toFixed(1)} pages/s; snippet F1 (eval-dev) ${f1(sp, sr).toFixed(3)}; ` +
  `word 4-gram F1 (dev) ${f1(precision / dev, recall / dev).toFixed(3)}`);
