/** A short, quiet tone marking the start (higher) or end (lower) of a quote. */
let context: AudioContext | null = null;

export function playEarcon(kind: 'start' | 'end'): Promise<void> {
  const durationMs = 90;
  try {
    context ??= new AudioContext();
    const osc = context.createOscillator();
    const gain = context.createGain();
    osc.frequency.value = kind === 'start' ? 880 : 587;
    gain.gain.setValueAtTime(0.0001, context.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.15, context.currentTime + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, context.currentTime + durationMs / 1000);
    osc.connect(gain).connect(context.destination);
    osc.start();
    osc.stop(context.currentTime + durationMs / 1000);
  } catch {
    return Promise.resolve();
  }
  return new Promise((resolve) => setTimeout(resolve, durationMs + 30));
}
