// npm run bench [-- --json]   Table on stdout (or one JSON object with --json); progress on stderr.
import { cpus } from 'node:os';
import { readFileSync } from 'node:fs';
import { runChild } from './child';
import { benchDrift, type DriftResult } from './drift-bench';
import { benchOpen, type OpenResult } from './open-bench';
import { benchParse } from './parse-bench';
import { benchPlay, type PlayResult } from './play-bench';
import { benchSpeech, type SpeechResult } from './speech-bench';
import { log } from './stats';

const json = process.argv.includes('--json');

function machine(): { cores: number; model: string; node: string } {
  let model = cpus()[0]?.model ?? 'unknown';
  try {
    model = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? model;
  } catch { /* not Linux */ }
  return { cores: cpus().length, model, node: process.version };
}

async function safe<T>(name: string, f: () => Promise<T>): Promise<T | { error: string }> {
  try {
    return await f();
  } catch (e) {
    log(`${name} failed:`, e);
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
const isErr = (x: unknown): x is { error: string } => typeof x === 'object' && x !== null && 'error' in x;

const started = performance.now();
const parse = await safe('parse', benchParse);
log('speech (service/ClipCache path, espeak-ng)');
const speech = await safe('speech', benchSpeech);
log('memory (child process: 1 MB article, parse + plan + 12 clips ahead)');
const mem = await runChild<{ peak_rss_mb: number; vmhwm_mb: number | null; baseline_rss_mb: number; utterances: number; synthesized: number }>('./memory-child.ts', ['12'], 120_000);
log('highlight drift (harness + Chromium)');
const drift: DriftResult | { error: string } = await safe('drift', () => benchDrift(10));
// Speech host and instant play (issue 12): Space to audio, word highlight vs engine word times.
log('play (harness + Chromium, fresh browser per run): play_to_audio_ms x7, word_drift_ms over 30 s');
const play = await safe('play', () => benchPlay(7, 30));
const pl: PlayResult | null = isErr(play) ? null : play;
// Big articles (issue 12): a 1 MB article opened in the harness, first audio and the longest stalls.
log('open_1mb (harness + Chromium, fresh harness process and browser per run) x3, pathological files x1');
const open = await safe('open', () => benchOpen(3));
const op: OpenResult | null = isErr(open) ? null : open;

const sp: SpeechResult | null = isErr(speech) ? null : speech;
const dr: DriftResult | null = isErr(drift) ? null : drift;
const result = {
  date: new Date().toISOString(),
  parse: isErr(parse) ? null : parse.parse,
  parse_growth: isErr(parse) ? null : parse.parse_growth,
  parse_1mb_processes: isErr(parse) ? null : parse.parse_1mb_processes ?? null,
  parse_node: isErr(parse) ? null : parse.parse_node ?? null,
  ...(!isErr(parse) && parse.parse_growth_at_least !== undefined ? { parse_growth_at_least: parse.parse_growth_at_least, parse_note: '10MB parse did not finish within the 120 s limit' } : {}),
  first_audio_ms: sp?.first_audio_ms ?? null,
  raw_engine_ms: sp?.raw_engine_ms ?? null,
  first_audio_ratio: sp?.first_audio_ratio ?? null,
  open_ms: sp?.open_ms ?? null,
  jump_ms: sp?.jump_ms ?? null,
  jump_detail: sp?.jump_detail ?? null,
  gap_ms: sp?.gap_ms ?? null,
  naive_gap_ms: sp?.naive_gap_ms ?? null,
  highlight_drift_ms: dr?.highlight_drift_ms ?? null,
  highlight_drift_detail: dr?.highlight_drift_detail ?? null,
  ...(dr?.reason || isErr(drift) ? { highlight_drift_reason: dr?.reason ?? (isErr(drift) ? drift.error : '') } : {}),
  play_to_audio_ms: pl?.play_to_audio_ms ?? null,
  word_drift_ms: pl?.word_drift_ms ?? null,
  word_drift_detail: pl?.word_drift_detail ?? null,
  sentence_gap_ms: pl?.sentence_gap_ms ?? null,
  speech_engine: sp?.engine ?? null,
  open_1mb: op?.open_1mb ?? null,
  open_pathological: op?.open_pathological ?? null,
  memory_mb: mem?.vmhwm_mb ?? mem?.peak_rss_mb ?? null,
  memory_detail: mem ? { ...mem, how: 'peak RSS (VmHWM) of a separate Node process (tsx) that parses + plans a generated 1 MB article and synthesizes its first 12 utterances through ClipCache (3 ahead); espeak-ng children not counted' } : null,
  errors: { parse: isErr(parse) ? parse.error : null, speech: isErr(speech) ? speech.error : null, drift: isErr(drift) ? drift.error : null, play: isErr(play) ? play.error : null, open: isErr(open) ? open.error : null },
  machine: machine(),
  total_s: Math.round((performance.now() - started) / 1000),
};

if (json) {
  process.stdout.write(JSON.stringify(result) + '\n');
} else {
  const mark = (ok: boolean | null) => (ok === null ? '?' : ok ? '✓' : '✗');
  const f = (v: number | null | undefined, unit = 'ms') => (v === null || v === undefined || Number.isNaN(v) ? 'n/a' : `${v} ${unit}`);
  const p = result.parse;
  const rows: [string, string, string][] = [
    ['parse 10KB', f(p?.['10KB']), ''],
    ['parse 100KB', f(p?.['100KB']), ''],
    ['parse 1MB', f(p?.['1MB']), `${mark(p?.['1MB'] != null ? p['1MB'] <= 200 : null)} ≤ 200 ms (median over fresh processes)`],
    ['parse 10MB', f(p?.['10MB']), ''],
    ['parse ran on Node', result.parse_node ?? 'n/a', ''],
    ['parse_growth 10MB/1MB', f(result.parse_growth, 'x'), `${mark(result.parse_growth !== null ? result.parse_growth < 12 : null)} < 12`],
    ['first_audio_ms', f(result.first_audio_ms), `${mark(sp ? sp.first_audio_ms <= 0.5 * sp.raw_engine_ms : null)} <= 0.5x raw_engine_ms`],
    ['raw_engine_ms', f(result.raw_engine_ms), ''],
    ['first_audio_ratio', f(result.first_audio_ratio, 'x'), ''],
    ['jump_ms (next quote)', f(result.jump_ms), `${mark(sp ? sp.jump_ms < 50 : null)} < 50 ms`],
    ['gap_ms median / max', sp ? `${sp.gap_ms.median} / ${sp.gap_ms.max} ms` : 'n/a', `${mark(sp ? sp.gap_ms.median < 30 : null)} median < 30 ms`],
    ['naive_gap_ms median / max', sp ? `${sp.naive_gap_ms.median} / ${sp.naive_gap_ms.max} ms` : 'n/a', ''],
    ['highlight_drift_ms', f(result.highlight_drift_ms), `${mark(result.highlight_drift_ms !== null ? result.highlight_drift_ms < 50 : null)} < 50 ms`],
    ['play_to_audio_ms cold', f(pl?.play_to_audio_ms.cold), `${mark(pl ? pl.play_to_audio_ms.cold <= 60 : null)} <= 60 ms`],
    ['play_to_audio_ms warm', f(pl?.play_to_audio_ms.warm), `${mark(pl ? pl.play_to_audio_ms.warm <= 30 : null)} <= 30 ms`],
    ['word_drift_ms', f(pl?.word_drift_ms), `${mark(pl?.word_drift_ms != null ? pl.word_drift_ms <= 20 : null)} <= 20 ms`],
    ['sentence_gap_ms median / max', pl?.sentence_gap_ms ? `${pl.sentence_gap_ms.median} / ${pl.sentence_gap_ms.max} ms` : 'n/a', ''],
    ['memory_mb (peak RSS)', f(result.memory_mb, 'MB'), ''],
    ['open_1mb first audio', f(op?.open_1mb.first_audio_ms), `${mark(op?.open_1mb.first_audio_ms != null ? op.open_1mb.first_audio_ms <= 1500 : null)} <= 1500 ms`],
    ['open_1mb server stall', f(op?.open_1mb.server_stall_ms), `${mark(op?.open_1mb.server_stall_ms != null ? op.open_1mb.server_stall_ms <= 100 : null)} <= 100 ms`],
    ['open_1mb renderer stall', f(op?.open_1mb.renderer_stall_ms), `${mark(op?.open_1mb.renderer_stall_ms != null ? op.open_1mb.renderer_stall_ms <= 100 : null)} <= 100 ms`],
    ['open_1mb whole article in page', f(op?.open_1mb.rendered_ms), ''],
    ['open_1mb idle process stall', f(op?.open_1mb.idle_stall_ms), '(the machine alone)'],
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  console.log(`Article Reader benchmark  ${result.date}  ${result.machine.model}, ${result.machine.cores} cores, node ${result.machine.node}`);
  for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`);
  if (sp) console.log(`(jump ${sp.jump_detail.from} -> ${sp.jump_detail.to}; open sample (parse+plan) ${sp.open_ms} ms)`);
  for (const [name, r] of Object.entries(op?.open_pathological ?? {})) {
    console.log(`(open ${name}: first audio ${f(r.first_audio_ms)}, in page ${f(r.rendered_ms)}, stalls server ${f(r.server_stall_ms)} / renderer ${f(r.renderer_stall_ms)}${r.error ? `; ${r.error}` : ''})`);
  }
  if (result.highlight_drift_detail) console.log(`(drift per change: ${result.highlight_drift_detail.per_change_ms.join(', ')} ms; harness play->first audio ${result.highlight_drift_detail.first_after_play_ms} ms)`);
}
