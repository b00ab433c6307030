/**
 * The board deck for one area: the headline scorecards, then one slide per measure that has data, in the
 * registry's slide order. Small numbers are always suppressed.
 */
import type { Model } from '$lib/metrics/model';
import { areaName } from '$lib/metrics/figures';
import { headlines, overviewSentence, type Headline } from './overview';
import { forSlides } from './registry';
import type { Measure } from './types';

export type Slide =
	| { kind: 'overview'; id: 'overview'; title: string; sentence: string; cards: Headline[]; synthetic: boolean; recordLevel: boolean }
	| { kind: 'measure'; id: string; title: string; sentence: string; measure: Measure; synthetic: boolean; recordLevel: boolean };

/** Keeps the slide's sentence short enough to read from the back of the room. */
function slideSentence(sentences: string[], max = 230): string {
	let s = sentences[0] ?? '';
	for (const next of sentences.slice(1)) {
		if ((s + ' ' + next).length > max) break;
		s += ' ' + next;
	}
	return s;
}

export function buildSlides(model: Model, area: string): Slide[] {
	const cards = headlines(model, area, true);
	return [
		{
			kind: 'overview',
			id: 'overview',
			title: `${areaName(model, area)}: headline measures`,
			sentence: overviewSentence(cards),
			cards,
			synthetic: cards.some((c) => c.synthetic),
			recordLevel: cards.some((c) => c.basis.startsWith('records'))
		},
		...forSlides({ model, area }).map((m): Slide => ({
			kind: 'measure',
			id: m.key,
			title: m.name,
			sentence: slideSentence(m.sentences),
			measure: m,
			synthetic: m.synthetic,
			recordLevel: m.recordLevel
		}))
	];
}

/** 1-based slide number from the URL, clamped to the deck. */
export function slideFromParam(value: string | null, count: number): number {
	const n = Number.parseInt(value ?? '', 10);
	if (!Number.isFinite(n) || n < 1) return 1;
	return Math.min(n, Math.max(1, count));
}
