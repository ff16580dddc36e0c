// Child process: peak RSS of this Node process while parsing + planning a generated 1 MB
// article and synthesizing ahead through its first utterances with the ClipCache.
import { readFileSync } from 'node:fs';
import { parseArticle } from '../core/article/parse';
import { buildPlan } from '../core/plan/plan';
import { DEFAULT_SETTINGS } from '../core/settings';
import { ClipCache } from '../electron/speech/clip-cache';
import { createSpeechEngine, voiceList } from '../electron/speech/create-engine';
import { generateArticle } from './gen';

const N = Number(process.argv[2] ?? 12);
let peak = process.memoryUsage().rss;
const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 5);
const baseline = process.memoryUsage().rss;
const choice = await createSpeechEngine();
const voices = (await voiceList(choice)).voices;
const text = generateArticle(1_000_000, 11);
const model = parseArticle(text, { format: 'text' });
peak = Math.max(peak, process.memoryUsage().rss);
const plan = buildPlan(model, { ...DEFAULT_SETTINGS }, voices);
peak = Math.max(peak, process.memoryUsage().rss);
let synthesized = 0;
if (choice.engine) {
  const cache = new ClipCache({ engine: choice.engine });
  cache.setPlan(plan, model.text, DEFAULT_SETTINGS.rate);
  for (let i = 0; i < Math.min(N, plan.utterances.length); i++) {
    const r = await cache.get(i);
    if (r.ok) synthesized++;
  }
  await cache.idle();
  peak = Math.max(peak, process.memoryUsage().rss);
  cache.dispose();
  choice.engine.dispose();
}
clearInterval(timer);
const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
const mb = (b: number) => Math.round((b / 1048576) * 10) / 10;
process.stdout.write(JSON.stringify({
  peak_rss_mb: mb(peak),
  vmhwm_mb: hwm ? mb(Number(hwm[1]) * 1024) : null,
  baseline_rss_mb: mb(baseline),
  utterances: plan.utterances.length,
  synthesized,
}) + '\n');
