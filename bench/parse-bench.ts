import { runChild } from './child';
import { log, median, round } from './stats';

export interface ParseResult {
  parse: Record<'10KB' | '100KB' | '1MB' | '10MB', number | null>;
  parse_growth: number | null;
  /** When 10MB timed out: the growth is at least timeout / time(1MB). */
  parse_growth_at_least?: number;
}

const SIZES: [keyof ParseResult['parse'], number, number][] = [
  ['10KB', 10_000, 7], ['100KB', 100_000, 5], ['1MB', 1_000_000, 3], ['10MB', 10_000_000, 1],
];

export async function benchParse(): Promise<ParseResult> {
  const parse: ParseResult['parse'] = { '10KB': null, '100KB': null, '1MB': null, '10MB': null };
  for (const [name, bytes, runs] of SIZES) {
    log(`parse ${name} x${runs}`);
    const r = await runChild<{ times: number[] }>('./parse-child.ts', [String(bytes), String(runs)], name === '10MB' ? 120_000 : 60_000);
    parse[name] = r ? round(median(r.times)) : null;
    log(`parse ${name}: ${parse[name] ?? 'failed/timeout'} ms`);
  }
  const growth = parse['10MB'] !== null && parse['1MB'] ? round(parse['10MB'] / parse['1MB'], 2) : null;
  const out: ParseResult = { parse, parse_growth: growth };
  if (parse['10MB'] === null && parse['1MB']) out.parse_growth_at_least = round(120_000 / parse['1MB'], 1);
  return out;
}
