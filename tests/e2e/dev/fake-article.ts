// DEV ONLY. A crude stand-in for core/article + core/plan, good enough for the bundled sample,
// used while the real parser/planner are being written: renderer iteration (dev/preview.ts)
// and realistic fixtures for the navigation unit tests. The committed E2E tests do NOT use
// this; they run against the real harness.
import type { ArticleModel, Block, Quote, ReadingPlan, Sentence, Settings, Speaker, Utterance } from '../../../core/contract';

const SPEAKERS: { match: RegExp; name: string; description: string | null; gender: 'female' | 'male' | null }[] = [
  { match: /^She said/, name: "Khaled's mother", description: null, gender: 'female' },
  { match: /^Dr Ahmad Tarakji/, name: 'Dr Ahmad Tarakji', description: 'president of SAMS', gender: 'male' },
  { match: /British Government appealed/, name: 'The British Government', description: null, gender: null },
  { match: /^He told ITV News/, name: 'Professor David Nott', description: 'British doctor working in Syria', gender: 'male' },
  { match: /^Speaking to ITV News, Hamish/, name: 'Hamish de Bretton-Gordon', description: 'Director of Doctors Under Fire', gender: 'male' },
  { match: /^He added he is/, name: 'Hamish de Bretton-Gordon', description: 'Director of Doctors Under Fire', gender: 'male' },
];

export function fakeModel(source: string): ArticleModel {
  const raw = source.replace(/\r\n?/g, '\n').split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  let text = '';
  const blocks: Block[] = [];
  const sentences: Sentence[] = [];
  const seg = new Intl.Segmenter('en', { granularity: 'sentence' });
  raw.forEach((bt, index) => {
    if (index > 0) text += '\n\n';
    const start = text.length;
    text += bt;
    const kind: Block['kind'] = index === 0 ? 'title' : bt.startsWith('•') ? 'byline' : /Credit: /.test(bt) ? 'caption' : 'paragraph';
    const credit = kind === 'caption' ? { start: start + bt.indexOf('Credit: '), end: start + bt.length } : null;
    const block: Block = { index, kind, text: bt, start, end: start + bt.length, level: kind === 'title' ? 1 : undefined, credit, sentences: [] };
    for (const s of seg.segment(bt)) {
      const trimmed = s.segment.trimEnd();
      if (!trimmed.trim()) continue;
      const lead = s.segment.length - s.segment.trimStart().length;
      const ss = start + s.index + lead;
      const se = start + s.index + trimmed.length;
      const sentence: Sentence = { index: sentences.length, block: index, start: ss, end: se, text: text.slice(ss, se) };
      sentences.push(sentence);
      block.sentences.push(sentence.index);
    }
    blocks.push(block);
  });

  const speakers: Speaker[] = [];
  const quotes: Quote[] = [];
  let open: Quote | null = null;
  for (const block of blocks) {
    if (block.kind !== 'paragraph') continue;
    const t = block.text;
    const marks = [...t.matchAll(/"/g)].map((m) => m.index!);
    let pos = 0;
    let inQuote = false;
    if (open && t.startsWith('"')) {
      inQuote = true;
      pos = 1;
      marks.shift();
    } else open = null;
    for (const m of marks) {
      if (!inQuote) {
        const speakerRule = SPEAKERS.find((s) => s.match.test(t));
        let speaker = speakers.find((s) => s.name === speakerRule?.name);
        if (speakerRule && !speaker) {
          speaker = { id: `s${speakers.length + 1}`, name: speakerRule.name, description: speakerRule.description, gender: speakerRule.gender, mentions: [] };
          speakers.push(speaker);
        }
        const before = t.slice(0, m).trimEnd();
        const partial = !(before === '' || before.endsWith(':'));
        open = { index: quotes.length, speakerId: speaker?.id ?? null, text: '', parts: [], blocks: [], partial, attribution: 'before', mention: 'name' };
        quotes.push(open);
        pos = m + 1;
        inQuote = true;
      } else {
        addPart(open!, block, pos, m);
        inQuote = false;
        open = null;
      }
    }
    if (inQuote && open) addPart(open, block, pos, t.length);
  }
  for (const q of quotes) q.text = q.parts.map((p) => text.slice(p.start, p.end)).join(' ');
  return { format: 'text', title: blocks[0]?.text ?? null, byline: blocks.find((b) => b.kind === 'byline')?.text ?? null, text, blocks, sentences, quotes, speakers };
}

function addPart(q: Quote, block: Block, from: number, to: number): void {
  q.parts.push({ block: block.index, start: block.start + from, end: block.start + to });
  if (!q.blocks.includes(block.index)) q.blocks.push(block.index);
}

/** Utterances: labels on speaker change, narration and quote parts split at quote edges. */
export function fakePlan(model: ArticleModel, settings: Settings): ReadingPlan {
  const utterances: Utterance[] = [];
  const speakerVoices: Record<string, string> = {};
  const pool = ['en-us+m3', 'en-gb+f3', 'en-gb-scotland', 'en-us+f2', 'en-gb+m4'];
  model.speakers.forEach((s, i) => (speakerVoices[s.id] = settings.speakerVoices ? pool[i % pool.length]! : settings.voice ?? 'en-gb'));
  const narrator = settings.voice ?? 'en-gb';
  let lastSpeaker: string | null | undefined;
  const push = (u: Omit<Utterance, 'index'>) => utterances.push({ ...u, index: utterances.length });
  for (const block of model.blocks) {
    if (block.kind === 'caption' && !settings.readCaptions) continue;
    for (const si of block.sentences) {
      const s = model.sentences[si]!;
      // Cut the sentence at full-quote part edges.
      const cuts: { start: number; end: number; quote: Quote | null }[] = [];
      let pos = s.start;
      for (const q of model.quotes) {
        if (q.partial) continue;
        for (const p of q.parts) {
          const a = Math.max(p.start, s.start);
          const b = Math.min(p.end, s.end);
          if (b <= a) continue;
          if (a > pos) cuts.push({ start: pos, end: a, quote: null });
          cuts.push({ start: a, end: b, quote: q });
          pos = b;
        }
      }
      if (pos < s.end) cuts.push({ start: pos, end: s.end, quote: null });
      for (const c of cuts) {
        const t = model.text.slice(c.start, c.end).replace(/^[\s"]+|[\s"]+$/g, '');
        if (!t) continue;
        if (c.quote) {
          const isStart = c.quote.parts[0]!.start >= c.start && c.quote.parts[0]!.start <= c.end;
          if (isStart && settings.verbosity !== 'off' && (settings.verbosity === 'always' || lastSpeaker !== c.quote.speakerId)) {
            const name = model.speakers.find((x) => x.id === c.quote!.speakerId)?.name ?? 'Unknown speaker';
            push({ kind: 'label', text: `${name}:`, speakerId: c.quote.speakerId, voice: narrator, block: block.index, sentence: null, quote: c.quote.index, start: c.start, end: c.start });
          }
          lastSpeaker = c.quote.speakerId;
          push({ kind: 'quote', text: t, speakerId: c.quote.speakerId, voice: c.quote.speakerId ? speakerVoices[c.quote.speakerId]! : narrator, block: block.index, sentence: si, quote: c.quote.index, start: c.start, end: c.end, earconBefore: isStart && settings.earcons });
        } else {
          const kind = block.kind === 'title' ? 'title' : block.kind === 'byline' ? 'byline' : block.kind === 'caption' ? 'caption' : 'narration';
          const partial = model.quotes.find((q) => q.partial && q.parts.some((p) => p.start < c.end && p.end > c.start));
          push({ kind, text: t, speakerId: null, voice: narrator, block: block.index, sentence: si, quote: partial?.index ?? null, start: c.start, end: c.end });
          lastSpeaker = null;
        }
      }
    }
  }
  return { narratorVoice: narrator, speakerVoices, utterances };
}
