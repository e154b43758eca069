import os from 'node:os';
import { benchCrash } from './crash.bench.ts';
import { benchHttp } from './http.bench.ts';
import { benchOcr } from './ocr.bench.ts';
import { benchParse } from './parse.bench.ts';
import { benchRender } from './render.bench.ts';
import { benchSearch } from './search.bench.ts';
import { formatBenchTable } from './table.ts';

/**
 * `npm run bench [parse|render|search|http|ocr|crash]…`: runs the benchmarks (all by default) and prints
 * one table.
 * Not part of `npm test`: timings belong here, never in unit tests.
 */
const suites = {
  parse: benchParse,
  render: benchRender,
  search: benchSearch,
  http: benchHttp,
  ocr: benchOcr,
  crash: benchCrash,
} as const;
const requested = process.argv
  .slice(2)
  .filter((name): name is keyof typeof suites => name in suites);
const names =
  requested.length > 0 ? requested : (Object.keys(suites) as Array<keyof typeof suites>);
const rows = [];
for (const name of names) rows.push(...(await suites[name]()));
process.stdout.write(
  `Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores; one process${
    names.includes('http') ? ' (http: the server in a child process, autocannon in this one)' : ''
  }\n\n`,
);
process.stdout.write(`${formatBenchTable(rows)}\n`);
