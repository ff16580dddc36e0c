// Settings: each control saves as soon as it changes (updateSettings re-plans the reading).

import type { AnnounceWhileReading, HighlightStyle, Settings, Theme, Verbosity, VoiceList } from '../../core/contract';
import { RATE_MAX, RATE_MIN, RATE_STEP } from '../../core/settings';
import { el } from '../view/dom';
import { openPanel } from './dialog';

export interface SettingsPanelContext {
  settings: Settings;
  voices: VoiceList;
  /** speaker name -> voice id, for the open article. */
  speakerVoices: [string, string][];
  /** True/false when the playing clip's word timings are estimated; null when unknown. */
  wordsEstimated: boolean | null;
  onChange(patch: Partial<Settings>): void;
}

let uid = 0;

function field(label: string, control: HTMLElement, description?: string): HTMLElement {
  const id = control.id || `setting-${++uid}`;
  control.id = id;
  const wrap = el('div', { className: 'field' }, el('label', { text: label, attrs: { for: id } }), control);
  if (description) {
    const d = el('p', { className: 'field-description', text: description, attrs: { id: `${id}-desc` } });
    control.setAttribute('aria-describedby', d.id);
    wrap.append(d);
  }
  return wrap;
}

function checkbox(label: string, checked: boolean, onChange: (v: boolean) => void, description?: string): HTMLElement {
  const input = el('input', { attrs: { type: 'checkbox', id: `setting-${++uid}` } });
  input.checked = checked;
  input.addEventListener('change', () => onChange(input.checked));
  const wrap = el('div', { className: 'field field-checkbox' }, input, el('label', { text: label, attrs: { for: input.id } }));
  if (description) {
    const d = el('p', { className: 'field-description', text: description, attrs: { id: `${input.id}-desc` } });
    input.setAttribute('aria-describedby', d.id);
    wrap.append(d);
  }
  return wrap;
}

function select<T extends string>(id: string, options: [T, string][], value: T, onChange: (v: T) => void): HTMLSelectElement {
  const s = el('select', { attrs: { id, name: id } });
  for (const [v, text] of options) {
    const o = el('option', { text, attrs: { value: v } });
    if (v === value) o.selected = true;
    s.append(o);
  }
  s.addEventListener('change', () => onChange(s.value as T));
  return s;
}

export function openSettingsPanel(ctx: SettingsPanelContext): void {
  const s = ctx.settings;
  let firstControl: HTMLElement | null = null;
  openPanel({
    id: 'settings',
    title: 'Settings',
    description: 'Changes are saved at once.',
    initialFocus: () => firstControl,
    build(body) {
      const form = el('form', { className: 'settings-form', attrs: { novalidate: '' } });
      form.addEventListener('submit', (e) => e.preventDefault());

      // Voice
      const voiceOptions: [string, string][] = [['', 'Default voice']];
      for (const v of ctx.voices.voices) voiceOptions.push([v.id, `${v.name} (${v.language}${v.gender ? `, ${v.gender}` : ''})`]);
      if (s.voice && !ctx.voices.voices.some((v) => v.id === s.voice)) voiceOptions.push([s.voice, `${s.voice} (not installed)`]);
      const voice = select('setting-voice', voiceOptions, s.voice ?? '', (v) => ctx.onChange({ voice: v === '' ? null : v }));
      firstControl = voice;
      const speech = el('fieldset', {}, el('legend', { text: 'Speech' }),
        field('Narrator voice', voice, ctx.voices.problem ?? (ctx.voices.engine ? `Speech engine: ${ctx.voices.engine}` : undefined)));

      const rate = el('input', { attrs: { type: 'number', id: 'setting-rate', min: String(RATE_MIN), max: String(RATE_MAX), step: '1', inputmode: 'numeric' } });
      rate.value = String(s.rate);
      rate.addEventListener('change', () => {
        const n = Number(rate.value);
        if (Number.isFinite(n) && rate.value !== '') ctx.onChange({ rate: Math.min(RATE_MAX, Math.max(RATE_MIN, Math.round(n))) });
      });
      speech.append(field('Rate (words per minute)', rate, `${RATE_MIN} to ${RATE_MAX}. Plus and minus change it by ${RATE_STEP} while reading.`));

      speech.append(field('Speaker names', select<Verbosity>('setting-verbosity', [
        ['smart', 'Say the speaker when the speaker changes'],
        ['always', 'Say the speaker before every quote'],
        ['off', 'Never say the speaker'],
      ], s.verbosity, (v) => ctx.onChange({ verbosity: v })), 'Unless set to never, "Photo caption." and "Photo credit." are also said before captions and credits.'));

      speech.append(checkbox('Give each quoted speaker a voice of their own', s.speakerVoices, (v) => ctx.onChange({ speakerVoices: v }),
        ctx.speakerVoices.length ? `In this article: ${ctx.speakerVoices.map(([name, voiceId]) => `${name}: ${voiceId}`).join('; ')}.` : undefined));
      speech.append(checkbox('Switch voice for short quotes inside a sentence', s.voicePartialQuotes, (v) => ctx.onChange({ voicePartialQuotes: v })));
      speech.append(checkbox('Play a short tone at the start and end of each quote', s.earcons, (v) => ctx.onChange({ earcons: v })));

      const reading = el('fieldset', {}, el('legend', { text: 'What is read' }),
        checkbox('Read picture captions', s.readCaptions, (v) => ctx.onChange({ readCaptions: v })),
        checkbox('Read photo credits', s.readCredits, (v) => ctx.onChange({ readCredits: v })));

      const estimated = ctx.wordsEstimated === true ? ' Word positions are estimated for this voice, so the word highlight is approximate.' : '';
      const display = el('fieldset', {}, el('legend', { text: 'Display' }),
        field('Highlight', select<HighlightStyle>('setting-highlight', [
          ['sentence-and-word', 'Sentence and word'],
          ['sentence', 'Sentence only'],
          ['off', 'Off'],
        ], s.highlight, (v) => ctx.onChange({ highlight: v })), `Marks what is being read.${estimated}`),
        field('Text size', select('setting-font-scale', [['1', '100%'], ['1.25', '125%'], ['1.5', '150%'], ['2', '200%'], ['2.5', '250%'], ['3', '300%']].map(([v, t]) => [v!, t!] as [string, string]),
          String(closestScale(s.fontScale)), (v) => ctx.onChange({ fontScale: Number(v) }))),
        field('Theme', select<Theme>('setting-theme', [
          ['system', 'Same as the system'],
          ['light', 'Light'],
          ['dark', 'Dark'],
          ['high-contrast', 'High contrast'],
        ], s.theme, (v) => ctx.onChange({ theme: v }))));

      // Screen-reader use: what the live region says over the voice, and what Q visits.
      const announcing = el('fieldset', {}, el('legend', { text: 'Announcements and navigation' }),
        field('Announcements while reading', select<AnnounceWhileReading>('setting-announce', [
          ['brief', 'Only what the voice does not say'],
          ['full', 'Everything'],
          ['off', 'Only answers and errors'],
        ], s.announceWhileReading, (v) => ctx.onChange({ announceWhileReading: v })), 'What a screen reader hears from Article Reader while its voice is reading. When it is not reading, everything is announced.'),
        checkbox('Partial quotes in quote navigation and the quote list', s.navigatePartialQuotes, (v) => ctx.onChange({ navigatePartialQuotes: v }),
          'A partial quote is a few quoted words inside a sentence, such as: He said he was "determined to act".'));

      form.append(speech, reading, announcing, display);
      body.append(form);
    },
  });
}

function closestScale(scale: number): number {
  const steps = [1, 1.25, 1.5, 2, 2.5, 3];
  return steps.reduce((best, x) => (Math.abs(x - scale) < Math.abs(best - scale) ? x : best), 1);
}
