// The matching rules of shared/tools/score-quotes.mjs (the script held-out sets are scored
// with), applied in process to an ArticleModel. Used by scripts/score-corpus.ts and by
// tests/unit/article/corpus-score.test.ts, so both count exactly as the official scorer does.
import type { ArticleModel } from '../core/contract';

export interface Gold {
  article: string;
  title?: string;
  byline?: string;
  captions?: string[];
  notQuotes?: string[];
  otherQuotes?: string[];
  absent?: string[];
  quotes: { text: string; speaker: string[]; source?: string }[];
}

export interface Tally {
  tp: number;
  fn: number;
  fp: number;
  /** Matched quotes whose speaker is right. */
  spkOk: number;
  /** Matched quotes given a named speaker who is not the gold one. */
  wrong: number;
  /** One line per miss, wrong or missing speaker and extra quote, as the official script words them. */
  misses: string[];
  /** Structural faults (--strict): notQuotes read as quotes, titles, captions, bylines, page furniture. */
  faults: string[];
}

export const emptyTally = (): Tally => ({ tp: 0, fn: 0, fp: 0, spkOk: 0, wrong: 0, misses: [], faults: [] });

export const norm = (s: unknown) => String(s ?? '').toLowerCase().replace(/[“”„«»]/g, '"').replace(/[‘’]/g, "'")
  .replace(/[^\p{L}\p{N}' ]+/gu, ' ').replace(/\s+/g, ' ').trim();

/** Scores one article's model against its gold file, adding to `t`; `name` labels the lines. */
export function scoreArticle(gold: Gold, model: ArticleModel, name: string, t: Tally = emptyTally()): Tally {
  const speakers = new Map(model.speakers.map((s) => [s.id, `${s.name ?? ''} ${s.description ?? ''}`]));
  const pred = model.quotes.map((q) => ({ t: norm(q.text), spk: norm(speakers.get(q.speakerId ?? '') ?? ''), used: false, named: q.speakerId != null }));
  for (const g of gold.quotes) {
    const gt = norm(g.text);
    const m = pred.find((p) => p.t.includes(gt) || (gt.includes(p.t) && p.t.length >= 0.5 * gt.length));
    if (!m) {
      t.fn++;
      t.misses.push(`miss ${name}: "${g.text.slice(0, 70)}"`);
      continue;
    }
    t.tp++;
    m.used = true;
    if (g.speaker.some((a) => m.spk.includes(norm(a)))) t.spkOk++;
    else {
      if (m.named) t.wrong++;
      t.misses.push(`${m.named ? 'wrong' : 'unnamed'} ${name}: "${g.text.slice(0, 50)}" want ${g.speaker.join('/')} got "${m.spk.slice(0, 50)}"`);
    }
  }
  for (const o of (gold.otherQuotes ?? []).map(norm)) for (const p of pred) if (p.t.includes(o) || o.includes(p.t)) p.used = true;
  for (const p of pred.filter((p) => !p.used && p.named)) t.misses.push(`extra ${name}: "${p.t.slice(0, 60)}" given to "${p.spk.slice(0, 40)}"`);
  t.fp += pred.filter((p) => !p.used && p.named).length;
  for (const nq of gold.notQuotes ?? []) if (pred.some((p) => p.t.includes(norm(nq)) && p.named)) t.faults.push(`${name}: not a quote, but read as one: "${nq}"`);
  if (gold.title && norm(model.title) !== norm(gold.title)) t.faults.push(`${name}: title: got "${model.title}"`);
  for (const c of gold.captions ?? []) if (!model.blocks.some((b) => b.kind === 'caption' && norm(b.text).includes(norm(c)))) t.faults.push(`${name}: caption not found: "${c.slice(0, 40)}"`);
  if (gold.byline && !norm(model.byline).includes(norm(gold.byline)) && !model.blocks.some((b) => b.kind === 'byline' && norm(b.text).includes(norm(gold.byline)))) t.faults.push(`${name}: byline not found`);
  for (const a of gold.absent ?? []) {
    const re = new RegExp(`(^| )${norm(a).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( |$)`);
    const hit = model.blocks.find((b) => re.test(norm(b.text)));
    if (hit) t.faults.push(`${name}: page furniture kept as ${hit.kind}: "${hit.text.slice(0, 60)}"`);
  }
  return t;
}

export interface Figures {
  P: number;
  R: number;
  F1: number;
  /** Speaker accuracy on matched quotes. */
  S: number;
  /** Wrong-speaker rate on matched quotes. */
  W: number;
  matched: number;
}

export function figures(t: Tally): Figures {
  const P = t.tp / Math.max(1, t.tp + t.fp);
  const R = t.tp / Math.max(1, t.tp + t.fn);
  return { P, R, F1: (2 * P * R) / Math.max(1e-9, P + R), S: t.spkOk / Math.max(1, t.tp), W: t.wrong / Math.max(1, t.tp), matched: t.tp };
}

/** Deterministic half of a corpus by file name (FNV-1a): 'dev' is studied, 'check' only scored. */
export function half(fileName: string): 'dev' | 'check' {
  let h = 0x811c9dc5;
  for (let i = 0; i < fileName.length; i++) h = Math.imul(h ^ fileName.charCodeAt(i), 0x01000193) >>> 0;
  return h % 2 === 0 ? 'dev' : 'check';
}
