import { buildPlan } from '../../core/plan/plan';
import { DEFAULT_SETTINGS } from '../../core/settings';
import { loadArticleSource } from '../articles/load-article';
import type { CliIo } from './main';

export async function runPlan(args: string[], io: CliIo, usage: string): Promise<number> {
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  if (files.length !== 1 || files[0]!.startsWith('--')) {
    io.stderr(usage + '\n');
    return 2;
  }
  const loaded = await loadArticleSource(files[0]!);
  if (!loaded.ok) {
    io.stderr(`error: ${loaded.message}\n`);
    return 1;
  }
  const { createSpeechEngine, voiceList } = await import('../speech/create-engine');
  const choice = await createSpeechEngine();
  const { voices, problem } = await voiceList(choice);
  choice.engine?.dispose();
  if (problem) io.stderr(`note: ${problem}\n`);
  const plan = buildPlan(loaded.model, DEFAULT_SETTINGS, voices);
  if (json) {
    io.stdout(JSON.stringify(plan.utterances.map((u) => ({ kind: u.kind, text: u.text, speakerId: u.speakerId, voice: u.voice, start: u.start, end: u.end })), null, 1) + '\n');
  } else {
    for (const u of plan.utterances) io.stdout(`${u.kind.padEnd(9)} ${u.voice.padEnd(14)} ${u.text}\n`);
  }
  return 0;
}
