/** One measured figure with its target. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  target: string;
  isMet: boolean;
}

/** Formats rows as a Markdown table, so the output can go straight into a closing note. */
export function formatBenchTable(rows: readonly BenchRow[]): string {
  const lines = ['| benchmark | result | unit | target | met |', '|---|---:|---|---|---|'];
  for (const row of rows) {
    const value = row.value >= 100 ? row.value.toFixed(0) : row.value.toFixed(2);
    lines.push(
      `| ${row.name} | ${value} | ${row.unit} | ${row.target} | ${row.isMet ? 'yes' : 'NO'} |`,
    );
  }
  return lines.join('\n');
}
