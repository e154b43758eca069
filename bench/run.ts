import os from 'node:os';
import { benchParse } from './parse.bench.ts';
import { formatBenchTable } from './table.ts';

/** `npm run bench`: runs the benchmarks and prints one table. Not part of `npm test`. */
const rows = await benchParse();
process.stdout.write(
  `Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}, one core\n\n`,
);
process.stdout.write(`${formatBenchTable(rows)}\n`);
