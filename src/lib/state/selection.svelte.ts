/**
 * The shared selection (areas, cohort, period, suppression), mirrored in the URL query string so a link
 * in a board paper reopens exactly that view. `?area=` takes ONS codes, comma-separated for several;
 * `E06000061,E06000062` or `northamptonshire` mean the Northamptonshire CDP.
 */
import { replaceState } from '$app/navigation';
import { normaliseAreaParam } from '$lib/data/areas';

const DEFAULT_AREA = 'E08000018';
const SELECTION_KEYS = ['area', 'cohort', 'period', 'suppress'];

class Selection {
	areas = $state<string[]>([DEFAULT_AREA]);
	cohort = $state('adults');
	period = $state<string | null>(null);
	/** Small-number suppression; only analysts exploring locally may turn it off. */
	suppress = $state(true);

	get area(): string {
		return this.areas[0] ?? DEFAULT_AREA;
	}

	/** Reads the URL (after hydration: prerendered HTML is built for the defaults). */
	fromUrl(url: URL) {
		const p = url.searchParams;
		const areas = normaliseAreaParam(p.get('area'));
		this.areas = areas.length ? areas : [DEFAULT_AREA];
		this.cohort = p.get('cohort') ?? 'adults';
		this.period = p.get('period');
		this.suppress = p.get('suppress') !== 'off';
	}

	params(): URLSearchParams {
		const p = new URLSearchParams();
		if (!(this.areas.length === 1 && this.areas[0] === DEFAULT_AREA)) p.set('area', this.areas.join(','));
		if (this.cohort !== 'adults') p.set('cohort', this.cohort);
		if (this.period) p.set('period', this.period);
		if (!this.suppress) p.set('suppress', 'off');
		return p;
	}

	/**
	 * Applies a change and writes it to the URL without a new history entry per click. A shallow
	 * replaceState (no navigation, no load) keeps a switch cheap; other parameters (a slide, a query) stay.
	 */
	set(change: Partial<Pick<Selection, 'areas' | 'cohort' | 'period' | 'suppress'>>) {
		Object.assign(this, change);
		const url = new URL(window.location.href);
		for (const k of SELECTION_KEYS) url.searchParams.delete(k);
		for (const [k, v] of this.params()) url.searchParams.set(k, v);
		replaceState(url, {});
	}

	toggleArea(code: string) {
		const has = this.areas.includes(code);
		const next = has ? this.areas.filter((a) => a !== code) : [...this.areas, code];
		this.set({ areas: next.length ? next : [code] });
	}

	/** Query string for links to other pages, carrying the selection along. */
	link(path: string): string {
		const qs = this.params().toString();
		return qs ? `${path}?${qs}` : path;
	}
}

export const selection = new Selection();

/** Financial-year label of a category: '2024-25 (to date)' → '2024-25', '2023-11' (a month) → '2023-24'. */
function periodOf(x: string): string {
	const m = x.match(/^(\d{4})-(\d{2})$/);
	if (m && Number(m[2]) <= 12 && !(Number(m[2]) === (Number(m[1]) + 1) % 100)) {
		const y = Number(m[1]);
		const start = Number(m[2]) >= 4 ? y : y - 1;
		return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
	}
	const named = x.match(/^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4})$/);
	if (named) {
		const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].indexOf(named[1]) + 1;
		const start = month >= 4 ? Number(named[2]) : Number(named[2]) - 1;
		return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
	}
	return x.replace(/ \(to date\)$/, '').replace(/ Q[1-4]$/, '');
}

/** Props that link a chart or table to the shared period selection. */
export function linkedPeriod() {
	return {
		isSelected: (x: string) => selection.period != null && periodOf(x) === selection.period,
		onselect: (x: string) => selection.set({ period: periodOf(x) === selection.period ? null : periodOf(x) }),
		highlight: (first: string) => selection.period != null && periodOf(first) === selection.period
	};
}
