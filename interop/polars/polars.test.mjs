// Polars reads the tables the way an analyst's notebook does: this suite runs
// `stance run` on the project's examples, the seed article, PolNeAR's dev set
// and a file with a broken line, then opens each table folder with Polars'
// own Parquet reader (the Rust engine, through its Node.js binding) and checks
// what a user would check first. The README's schema tables are the spec:
// their DuckDB types are mapped to the Polars types they must come out as.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pl from 'nodejs-polars';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const shared = path.resolve(repo, '..', 'shared');

let tmp, out, bin, inputs;

function stance(...args) {
  return execFileSync(bin, args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

// Read as the README says: the date partition's type named, not guessed
// from the folder names.
function table(name, dataset = out) {
  const dir = path.join(dataset, name) + '/';
  const partitioned = name === 'quotes' || name === 'articles';
  return pl.scanParquet(dir, partitioned ? { hivePartitioning: true, hiveSchema: { date: pl.Date } } : {}).collectSync();
}

before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stance-polars-'));
  out = path.join(tmp, 'out');
  bin = path.join(tmp, 'stance');
  execFileSync('go', ['build', '-o', bin, './cmd/stance'], { cwd: repo, stdio: 'inherit', env: { ...process.env, CGO_ENABLED: '0' } });
  // One good article and one line that is not JSON: the run must keep the
  // first and record the second as quarantined.
  const broken = path.join(tmp, 'feed.jsonl');
  fs.writeFileSync(broken,
    JSON.stringify({ id: 'feed-ok', title: 'Talks resume', published: '2026-02-02', text: '"We are ready to talk," the envoy said.' }) + '\n' +
    '{"id": "feed-broken", "text": \n');
  inputs = [
    path.join(repo, 'examples', 'articles'),
    path.join(shared, 'corpus', 'seed'),
    path.join(shared, 'data', 'polnear_dev.jsonl.gz'),
    broken,
  ];
  stance('run', '--quiet', '--out', out, ...inputs);
});

after(() => fs.rmSync(tmp, { recursive: true, force: true }));

// The README documents every column as `| name[, name] | TYPE[, nullable] | meaning |`
// under a `### \`table\`` heading.
function readmeSchema() {
  const lines = fs.readFileSync(path.join(repo, 'README.md'), 'utf8').split('\n');
  const tables = {};
  let current = null;
  for (const line of lines) {
    const heading = line.match(/^### `(\w+)`/);
    if (heading) { current = heading[1]; tables[current] = []; continue; }
    if (line.startsWith('## ')) current = null;
    if (!current || !line.startsWith('| ') || line.startsWith('| column') || line.startsWith('|---')) continue;
    const cells = line.split('|').map((c) => c.trim());
    const [type, nullable] = cells[2].split(',').map((s) => s.trim());
    for (const name of cells[1].split(',').map((s) => s.trim())) {
      tables[current].push({ name, type, nullable: nullable === 'nullable' });
    }
  }
  return tables;
}

const polarsType = {
  VARCHAR: pl.Utf8,
  INTEGER: pl.Int32,
  BIGINT: pl.Int64,
  DOUBLE: pl.Float64,
  DATE: pl.Date,
  'TIMESTAMP WITH TIME ZONE': pl.Datetime('us', 'UTC'),
  'VARCHAR[]': pl.List(pl.Utf8),
};

// Polars spells the string type Utf8 or String depending on the call path.
const typeName = (dt) => String(dt).replaceAll('Utf8', 'String');

test('every documented column has the documented type and no NULL unless nullable', () => {
  const schema = readmeSchema();
  assert.deepEqual(Object.keys(schema).sort(), ['articles', 'quotes', 'runs', 'speakers']);
  for (const [name, columns] of Object.entries(schema)) {
    const df = table(name);
    assert.ok(df.height > 0, `${name}: no rows`);
    assert.deepEqual(df.columns, columns.map((c) => c.name), `${name}: columns differ from the README`);
    for (const c of columns) {
      const want = polarsType[c.type];
      assert.ok(want, `${name}.${c.name}: README type ${c.type} has no Polars mapping`);
      const series = df.getColumn(c.name);
      assert.equal(typeName(series.dtype), typeName(want), `${name}.${c.name}`);
      if (!c.nullable) assert.equal(series.nullCount(), 0, `${name}.${c.name} has NULLs`);
    }
  }
});

test('publication times are NULL exactly for undated articles, and date is their UTC day', () => {
  const articles = table('articles');
  const undated = articles.filter(pl.col('published').isNull());
  assert.ok(undated.height >= 1, 'the undated example brief should read as NULL, not as 1970');
  assert.equal(undated.filter(pl.col('date').isNotNull()).height, 0);
  const epoch = articles.filter(pl.col('published').cast(pl.Date).cast(pl.Int32).eq(0));
  assert.equal(epoch.height, 0, 'a zero time leaked in instead of NULL');
  const dated = articles.filter(pl.col('published').isNotNull());
  const wrongDay = dated.filter(pl.col('published').cast(pl.Date).neq(pl.col('date')));
  assert.equal(wrongDay.height, 0);
  const seed = articles.filter(pl.col('article_id').eq(pl.lit('putin-tillerson-2017-04-12')));
  assert.equal(seed.height, 1);
  assert.equal(seed.select(pl.col('date').cast(pl.Utf8)).getColumn('date').get(0), '2017-04-12');
});

test('counts agree across tables and with the run summary', () => {
  const quotes = table('quotes');
  const articles = table('articles');
  const runs = table('runs');
  assert.equal(runs.height, 1);
  const run = runs.toRecords()[0];
  assert.equal(Number(run.quotes), quotes.height);
  assert.equal(Number(articles.getColumn('n_quotes').sum()), quotes.height);
  assert.equal(Number(run.articles_ok), articles.filter(pl.col('status').eq(pl.lit('ok'))).height);
  const bad = articles.filter(pl.col('status').eq(pl.lit('quarantined')));
  assert.equal(Number(run.articles_quarantined), bad.height);
  assert.equal(bad.height, 1, 'the broken feed line should be the one quarantined article');
  assert.match(bad.getColumn('error').get(0), /feed\.jsonl:2/, 'the error names the file and line');
  assert.equal(articles.filter(pl.col('article_id').eq(pl.lit('feed-ok'))).height, 1, 'the good line of the broken file was kept');
  // speakers is an aggregate of quotes: its n_quotes must add up per speaker.
  const counted = quotes
    .filter(pl.col('speaker_id').neq(pl.lit('')))
    .groupBy('speaker_id')
    .agg(pl.count('quote_id').alias('n'))
    .sort('speaker_id');
  const speakers = table('speakers').select('speaker_id', pl.col('n_quotes').cast(pl.UInt32).alias('n')).sort('speaker_id');
  assert.ok(speakers.height > 0);
  assert.ok(counted.frameEqual(speakers), 'speakers.n_quotes differs from counting quotes per speaker_id');
});

test('char offsets are code points into articles.text', () => {
  const joined = table('quotes')
    .select('quote_id', 'article_id', 'char_start', 'char_end', pl.col('text').alias('quote'))
    .join(table('articles').select('article_id', 'text'), { on: 'article_id' });
  assert.equal(joined.height, table('quotes').height, 'every quote joins its article');
  let nonASCII = 0;
  for (const r of joined.toRecords()) {
    // Python's text[a:b] and Polars' character functions count code points, like Array.from.
    const cut = Array.from(r.text).slice(r.char_start, r.char_end).join('');
    assert.equal(cut, r.quote, `quote ${r.quote_id} of ${r.article_id}`);
    if (/[^\x00-\x7f]/.test(r.text.slice(0, r.char_start))) nonASCII++;
  }
  assert.ok(nonASCII > 0, 'no quote sits after a multi-byte character: the check would not catch byte offsets');
});

test('a stance value always comes with its evidence', () => {
  const quotes = table('quotes');
  for (const side of ['stance_us', 'stance_russia']) {
    const withValue = quotes.filter(pl.col(side).isNotNull());
    assert.ok(withValue.height > 0, `${side}: never set on this input`);
    const bare = withValue.filter(pl.col('stance_evidence').lst.lengths().eq(0));
    assert.equal(bare.height, 0, `${side} set without evidence`);
  }
});

test('a second run on the same input changes no row', () => {
  const strip = (df) => df.drop('run_id').sort(df.columns.includes('quote_id') ? 'quote_id' : 'article_id');
  const before = { quotes: strip(table('quotes')), articles: strip(table('articles')) };
  const speakersBefore = table('speakers').sort('speaker_id');
  stance('run', '--quiet', '--out', out, ...inputs);
  const runs = table('runs').sort('started_at');
  assert.equal(runs.height, 2);
  const second = runs.toRecords()[1];
  assert.equal(Number(second.articles_ok), 0);
  assert.ok(Number(second.articles_unchanged) > 0);
  assert.ok(before.quotes.frameEqual(strip(table('quotes'))), 'quotes changed on a rerun');
  assert.ok(before.articles.frameEqual(strip(table('articles'))), 'articles changed on a rerun');
  assert.ok(speakersBefore.frameEqual(table('speakers').sort('speaker_id')), 'speakers changed on a rerun');
});

test('date is a date in a dataset of undated articles only', () => {
  // Every row sits in date=__HIVE_DEFAULT_PARTITION__, so no folder name
  // shows a date; guessed from the names, date would read as a string.
  const feed = path.join(tmp, 'undated.jsonl');
  fs.writeFileSync(feed,
    JSON.stringify({ id: 'quay-1', title: 'Quay to close', text: '"We will not let the quay close," said Anne Lund, the union leader.' }) + '\n');
  const undatedOut = path.join(tmp, 'undated-out');
  stance('run', '--quiet', '--out', undatedOut, feed);
  for (const name of ['quotes', 'articles']) {
    const df = table(name, undatedOut);
    assert.equal(df.height, 1, `${name}: rows`);
    assert.equal(typeName(df.getColumn('date').dtype), typeName(pl.Date), `${name}.date`);
    assert.equal(df.getColumn('date').nullCount(), 1, `${name}.date of an undated article`);
  }
});
