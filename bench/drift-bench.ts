// Highlight vs audio in the real renderer: harness (real ReaderService + espeak-ng) in
// headless Chromium. An init script records (a) every change of the highlighted sentence
// (MutationObserver on `.sentence.is-current`) and (b) for each clip the player's <audio>
// plays, when its audio clock was at 0 (performance.now() - currentTime, sampled every
// animation frame). Drift of a highlight change = |clip audio start - highlight time|,
// paired with the nearest clip start.
import { launchChromium } from './browser';
import { startHarness } from '../harness/server';
import { log, round, sleep } from './stats';

export interface DriftResult {
  highlight_drift_ms: number | null;
  highlight_drift_detail: { changes: number; clips: number; per_change_ms: number[]; first_after_play_ms: number | null; note: string } | null;
  reason?: string;
}

const INSTRUMENT = `(() => {
  const B = (window.__bench = { hl: [], starts: [] });
  const seen = new WeakSet();
  const orig = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function () {
    if (!seen.has(this)) {
      seen.add(this);
      const a = this;
      let src = null;
      const loop = () => {
        if (a.currentSrc && a.currentSrc !== src && !a.paused && a.currentTime > 0) {
          src = a.currentSrc;
          B.starts.push({ t: performance.now() - (a.currentTime * 1000) / (a.playbackRate || 1), src, ct: a.currentTime });
        }
        requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
    }
    return orig.call(this);
  };
  let last = null;
  new MutationObserver((records) => {
    for (const r of records) {
      const el = r.target;
      if (el.classList && el.classList.contains('sentence') && el.classList.contains('is-current')) {
        const s = el.getAttribute('data-sentence');
        if (s !== last) { last = s; B.hl.push({ t: performance.now(), sentence: s }); }
      }
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['class'] });
})();`;

export async function benchDrift(seconds = 10): Promise<DriftResult> {
  const harness = await startHarness();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.addInitScript(INSTRUMENT);
    await page.goto(harness.url);
    await page.waitForSelector('.sentence', { timeout: 20_000 });
    await sleep(500);
    const playAt = await page.evaluate(() => performance.now());
    await page.click('#btn-play');
    await page.waitForFunction(() => (globalThis as unknown as { __bench: { starts: unknown[] } }).__bench.starts.length > 0, undefined, { timeout: 30_000 });
    const audibleAt = await page.evaluate(() => performance.now());
    log(`drift: first audio ${round(audibleAt - playAt)} ms after the play press; recording ${seconds} s`);
    await sleep(seconds * 1000);
    const data = await page.evaluate(() => (globalThis as unknown as { __bench: { hl: { t: number; sentence: string | null }[]; starts: { t: number; src: string }[] } }).__bench);
    await page.click('#btn-play').catch(() => {});
    // The sentence highlighted when the article opened counts as the first change.
    const hl = data.hl;
    const starts = data.starts;
    if (hl.length < 2 || starts.length < 2) {
      return { highlight_drift_ms: null, highlight_drift_detail: null, reason: `too few events (highlight changes ${hl.length}, clip starts ${starts.length})` };
    }
    const drift = hl.map((h) => Math.min(...starts.map((s) => Math.abs(s.t - h.t))));
    // The first change is the play press itself: the highlight shows where reading starts
    // while the first clip is synthesized (that wait is first_audio_ms), so it is reported apart.
    const rest = drift.slice(1);
    return {
      highlight_drift_ms: round(Math.max(...rest)),
      highlight_drift_detail: {
        changes: hl.length,
        clips: starts.length,
        per_change_ms: drift.map((d) => round(d)),
        first_after_play_ms: round(starts[0]!.t - playAt),
        note: 'max over sentence changes after the first (sentence 0 is highlighted on open, before play); first_after_play_ms = play press to first audible clip in the harness (HTTP + parse worker + synthesis)',
      },
    };
  } finally {
    await browser.close();
    await harness.close();
  }
}
