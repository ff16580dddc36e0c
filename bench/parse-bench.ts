import { bundledChild } from './child';
import { log, median, round } from './stats';

export interface ParseResult {
  parse: Record<'10KB' | '100KB' | '1MB' | '10MB', number | null>;
  parse_growth: number | null;
  /** When 10MB timed out: the growth is at least timeout / time(1MB). */
  parse_growth_at_least?: number;
  /** 1 MB: each fresh process's parse times (its first parse is the slow one); `parse['1MB']` is the median of their medians. */
  parse_1mb_processes?: number[][];
  /** The Node (and V8) that ran the parses: this machine's, or BENCH_NODE's. */
  parse_node?: string;
}

/** [name, bytes, parses per process, fresh processes] */
const SIZES: [keyof ParseResult['parse'], number, number, number][] = [
  ['10KB', 10_000, 7, 1], ['100KB', 100_000, 5, 1], ['1MB', 1_000_000, 3, 3], ['10MB', 10_000_000, 1, 1],
];

export async function benchParse(): Promise<ParseResult> {
  const parse: ParseResult['parse'] = { '10KB': null, '100KB': null, '1MB': null, '10MB': null };
  const processes: number[][] = [];
  const child = await bundledChild('./parse-child.ts');
  log(`parse: children run on Node ${child.node}`);
  try {
    for (const [name, bytes, runs, fresh] of SIZES) {
      log(`parse ${name} x${runs}${fresh > 1 ? ` in each of ${fresh} fresh processes` : ''}`);
      const medians: number[] = [];
      for (let p = 0; p < fresh; p++) {
        const r = await child.run<{ times: number[] }>([String(bytes), String(runs)], name === '10MB' ? 120_000 : 60_000);
        if (!r) continue;
        medians.push(median(r.times));
        if (name === '1MB') processes.push(r.times.map((t) => round(t)));
      }
      // (On a shared machine one process's figures move by a third: the median over fresh processes is the figure; one
      // that failed or timed out leaves no figure, not the median of the rest.)
      parse[name] = medians.length === fresh ? round(median(medians)) : null;
      log(`parse ${name}: ${parse[name] ?? 'failed/timeout'} ms${fresh > 1 ? ` (medians per process: ${medians.map((m) => round(m)).join(', ')})` : ''}`);
    }
  } finally {
    child.dispose();
  }
  const growth = parse['10MB'] !== null && parse['1MB'] ? round(parse['10MB'] / parse['1MB'], 2) : null;
  const out: ParseResult = { parse, parse_growth: growth, parse_1mb_processes: processes, parse_node: child.node };
  if (parse['10MB'] === null && parse['1MB']) out.parse_growth_at_least = round(120_000 / parse['1MB'], 1);
  return out;
}
