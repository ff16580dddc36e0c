// Child process (bundled by bundledChild as the app bundles its parse worker): parses generated text of argv[2] bytes argv[3] times, prints {times:[ms]}.
import { parseArticle } from '../core/article/parse';
import { generateArticle } from './gen';

const bytes = Number(process.argv[2]);
const runs = Number(process.argv[3] ?? 1);
const text = generateArticle(bytes, 7);
parseArticle(generateArticle(20_000, 3)); // warm the JIT a little
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  const m = parseArticle(text, { format: 'text' });
  times.push(performance.now() - t);
  if (i === 0) console.error(`[parse-child] ${bytes} B: ${m.sentences.length} sentences, ${m.quotes.length} quotes, ${m.speakers.length} speakers`);
}
process.stdout.write(JSON.stringify({ times }) + '\n');
