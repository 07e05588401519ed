import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { findNatsServerBinary } from '@libs/nats-server/nats-server.process';

const RESULTS = resolve(__dirname, '..', 'results');

export interface BenchSection {
  readonly title: string;
  /** The command that produced the figures. */
  readonly command: string;
  readonly figures: Record<string, unknown>;
  /** A Markdown table of the main figures. */
  readonly table: readonly (readonly (string | number)[])[];
  readonly notes?: readonly string[];
  /** SVG charts, written next to the results as `<date>-<name>.svg` and linked from the Markdown. */
  readonly charts?: readonly { readonly name: string; readonly svg: string }[];
}

interface RecordedSection extends Omit<BenchSection, 'charts'> {
  readonly measuredAt: string;
  /** File names of the section's charts, in bench/results/. */
  readonly chartFiles?: readonly string[];
}

interface ResultsFile {
  readonly date: string;
  readonly machine: Record<string, unknown>;
  readonly sections: Record<string, RecordedSection>;
}

export const machine = (): Record<string, unknown> => ({
  cores: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  natsServer: execFileSync(findNatsServerBinary(), ['--version']).toString().trim(),
});

/** Adds or replaces one section in today's `bench/results/<date>.json`, and rewrites its Markdown twin. */
export const record = (name: string, section: BenchSection): string => {
  const date = new Date().toISOString().slice(0, 10);
  mkdirSync(RESULTS, { recursive: true });
  const jsonPath = join(RESULTS, `${date}.json`);
  const previous = existsSync(jsonPath) ? (JSON.parse(readFileSync(jsonPath, 'utf8')) as ResultsFile) : undefined;
  const { charts = [], ...figures } = section;
  const chartFiles = charts.map((chart) => {
    const file = `${date}-${chart.name}.svg`;
    writeFileSync(join(RESULTS, file), chart.svg);
    return file;
  });
  const results: ResultsFile = {
    date,
    machine: machine(),
    sections: { ...previous?.sections, [name]: { ...figures, measuredAt: new Date().toISOString(), ...(chartFiles.length > 0 ? { chartFiles } : {}) } },
  };
  writeFileSync(jsonPath, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(RESULTS, `${date}.md`), markdown(results));
  return jsonPath;
};

const markdown = (results: ResultsFile): string => {
  const lines = [`# Benchmarks, ${results.date}`, '', `Machine: ${Object.entries(results.machine).map(([key, value]) => `${key} ${String(value)}`).join(', ')}.`, ''];
  for (const section of Object.values(results.sections)) {
    const [header, ...rows] = section.table;
    lines.push(`## ${section.title}`, '', `Command: \`${section.command}\` (measured ${section.measuredAt})`, '');
    if (header) {
      lines.push(`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`);
      for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
      lines.push('');
    }
    for (const note of section.notes ?? []) lines.push(`- ${note}`);
    lines.push('');
    for (const file of section.chartFiles ?? []) lines.push(`![${file}](${file})`, '');
  }
  return lines.join('\n');
};
