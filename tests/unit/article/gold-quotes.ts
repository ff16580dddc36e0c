// The quote matching of shared/tools/score-quotes.mjs (the script the held-out sets are scored
// with), for tests that score a model against a gold file.
import type { ArticleModel } from '../../../core/contract';

export const norm = (s: unknown) => String(s ?? '').toLowerCase().replace(/[“”„«»]/g, '"').replace(/[‘’]/g, "'")
  .replace(/[^\p{L}\p{N}' ]+/gu, ' ').replace(/\s+/g, ' ').trim();

export interface GoldQuotes { quotes: { text: string; speaker: string[] }[]; otherQuotes?: string[] }

/** Matches gold quotes to the model's: found, missed, extra (named but not in the gold), right and wrong speakers. */
export function matchQuotes(model: ArticleModel, gold: GoldQuotes) {
  const names = new Map(model.speakers.map((s) => [s.id, `${s.name} ${s.description ?? ''}`]));
  const pred = model.quotes.map((q) => ({ t: norm(q.text), spk: norm(names.get(q.speakerId ?? '') ?? ''), used: false, named: q.speakerId !== null }));
  let found = 0, missed = 0, right = 0;
  const wrong: string[] = [];
  for (const g of gold.quotes) {
    const gt = norm(g.text);
    const m = pred.find((p) => p.t.includes(gt) || (gt.includes(p.t) && p.t.length >= 0.5 * gt.length));
    if (!m) { missed++; continue; }
    found++; m.used = true;
    if (g.speaker.some((a) => m.spk.includes(norm(a)))) right++;
    else if (m.named) wrong.push(`"${g.text.slice(0, 40)}" given to ${m.spk}`);
  }
  for (const o of (gold.otherQuotes ?? []).map(norm)) for (const p of pred) if (p.t.includes(o) || o.includes(p.t)) p.used = true;
  return { found, missed, right, wrong, extra: pred.filter((p) => !p.used && p.named).length, pred };
}
