import type { ArticleModel } from '../../core/contract';

/** The `parse --json` document: the shape the quote scorer and other tools read. */
export function formatParseJson(model: ArticleModel): string {
  return JSON.stringify({
    title: model.title,
    byline: model.byline,
    speakers: model.speakers.map((s) => ({ id: s.id, name: s.name, description: s.description })),
    blocks: model.blocks.map((b) => ({ kind: b.kind, text: b.text })),
    quotes: model.quotes.map((q) => ({ speakerId: q.speakerId, text: q.text, blocks: q.blocks, partial: q.partial })),
  }, null, 1);
}

/** A readable script: each block with its kind, and each quote with who says it. */
export function formatParseScript(model: ArticleModel): string {
  const names = new Map(model.speakers.map((s) => [s.id, s.description ? `${s.name} (${s.description})` : s.name]));
  const lines: string[] = [];
  for (const block of model.blocks) {
    lines.push(`[${block.kind}] ${block.text}`);
    for (const q of model.quotes.filter((quote) => quote.blocks[0] === block.index)) {
      const who = q.speakerId ? names.get(q.speakerId) : 'unattributed';
      const span = q.blocks.length > 1 ? ` (paragraphs ${q.blocks[0]! + 1}-${q.blocks[q.blocks.length - 1]! + 1})` : '';
      lines.push(`    ${q.partial ? 'partial quote' : 'quote'}${span}, ${who}: “${q.text}”`);
    }
  }
  return lines.join('\n') + '\n';
}
