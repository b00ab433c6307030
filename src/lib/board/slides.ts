/**
 * The board deck for one area: an overview of the headline scorecards, then one slide per measure that
 * has data (drug poisoning deaths, adults in treatment against the trajectory, continuity of care,
 * residential rehab, deaths in treatment, then any other measure loaded). Suppression is always on.
 */
import type { Model } from '$lib/metrics/model';
import { headlines, type Headline } from '$lib/metrics/overview';
import { areaName } from '$lib/metrics/figures';
import { STATUS_LABEL } from '$lib/metrics/status';
import { measuresFor, SUPPRESS, type Measure } from '$lib/report/measures';

export type Slide =
	| {
			kind: 'overview';
			id: 'overview';
			title: string;
			sentence: string;
			cards: Headline[];
			synthetic: boolean;
			recordLevel: boolean;
			period: string;
			sources: string[];
	  }
	| {
			kind: 'measure';
			id: string;
			title: string;
			sentence: string;
			measure: Measure;
			synthetic: boolean;
			recordLevel: boolean;
			period: string;
			sources: string[];
	  };

/** Keeps the slide's sentence short enough to read from the back of the room. */
function slideSentence(sentences: string[], max = 230): string {
	let s = sentences[0] ?? '';
	for (const next of sentences.slice(1)) {
		if ((s + ' ' + next).length > max) break;
		s += ' ' + next;
	}
	return s;
}

export function overviewSentence(cards: Headline[]): string {
	const targeted = cards.filter((c) => c.status !== 'no_target');
	if (!targeted.length) return 'No measure has a target loaded for this area yet.';
	const counts = (['on_track', 'at_risk', 'off_track'] as const)
		.map((s) => ({ s, n: targeted.filter((c) => c.status === s).length }))
		.filter((x) => x.n > 0)
		.map((x) => `${x.n} ${STATUS_LABEL[x.s].toLowerCase()}`);
	const names = targeted.map((c) => `${c.title.toLowerCase()} ${STATUS_LABEL[c.status].toLowerCase()}`);
	return `${targeted.length} of ${cards.length} measures have a target: ${counts.join(', ')} (${names.join('; ')}).`;
}

export function buildSlides(model: Model, area: string): Slide[] {
	const name = areaName(model, area);
	const cards = headlines(model, area, SUPPRESS);
	const measures = measuresFor(model, area);
	const overview: Slide = {
		kind: 'overview',
		id: 'overview',
		title: `${name}: headline measures`,
		sentence: overviewSentence(cards),
		cards,
		synthetic: cards.some((c) => c.synthetic),
		recordLevel: cards.some((c) => c.basis.startsWith('records')),
		period: 'latest complete period of each measure',
		sources: ['as on each measure’s slide']
	};
	return [
		overview,
		...measures.map((m): Slide => ({
			kind: 'measure',
			id: m.id.replace(`-${area}`, ''),
			title: m.name,
			sentence: slideSentence(m.sentences),
			measure: m,
			synthetic: m.synthetic,
			recordLevel: m.recordLevel,
			period: m.period,
			sources: m.sources
		}))
	];
}

/** 1-based slide number from the URL, clamped to the deck. */
export function slideFromParam(value: string | null, count: number): number {
	const n = Number.parseInt(value ?? '', 10);
	if (!Number.isFinite(n) || n < 1) return 1;
	return Math.min(n, Math.max(1, count));
}
