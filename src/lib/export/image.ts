/**
 * Chart images for reports: a standalone SVG with the title, summary, synthetic label and source drawn
 * in (light theme, styles inlined), and a PNG rendered from it at 2× for print. Browser only.
 */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const INLINED = [
	'fill',
	'stroke',
	'stroke-width',
	'stroke-dasharray',
	'opacity',
	'fill-opacity',
	'stroke-opacity',
	'font-weight',
	'font-size',
	'display'
] as const;

/** Any theme variable left in an attribute (e.g. inside <defs>) is replaced by its light-theme value. */
function resolveVars(value: string, root: CSSStyleDeclaration): string {
	return value.replace(
		/var\((--[\w-]+)(?:,\s*([^)]*))?\)/g,
		(_, name: string, fallback?: string) => root.getPropertyValue(name).trim() || fallback?.trim() || '#000'
	);
}

/** Copies the computed presentation styles onto a clone, in the light theme, so the SVG stands alone. */
function inlineStyles(original: SVGSVGElement, clone: SVGSVGElement): void {
	const root = document.documentElement;
	root.classList.add('export-light');
	try {
		const rootStyle = getComputedStyle(original);
		const from = [original, ...original.querySelectorAll<SVGElement>('*')];
		const to = [clone, ...clone.querySelectorAll<SVGElement>('*')];
		from.forEach((el, i) => {
			const cs = getComputedStyle(el);
			for (const prop of INLINED) {
				const v = cs.getPropertyValue(prop);
				if (v) to[i].setAttribute(prop, v);
			}
			// Attributes the computed style does not cover (pattern fills in <defs>, marker colours).
			for (const attr of [...to[i].attributes])
				if (attr.value.includes('var(--')) to[i].setAttribute(attr.name, resolveVars(attr.value, rootStyle));
		});
	} finally {
		root.classList.remove('export-light');
	}
}

/** Greedy word wrap to a width in px, estimating Arial's average advance (bold a little wider). */
export function wrap(text: string, widthPx: number, fontSize: number, bold = false): string[] {
	const max = Math.max(10, Math.floor(widthPx / (fontSize * (bold ? 0.58 : 0.52))));
	const words = text.split(/\s+/).filter(Boolean);
	const lines: string[] = [];
	let cur = '';
	for (const w of words) {
		if ((cur + ' ' + w).trim().length > max) {
			if (cur) lines.push(cur);
			cur = w;
		} else cur = (cur + ' ' + w).trim();
	}
	if (cur) lines.push(cur);
	return lines;
}

export interface FrameText {
	title: string;
	summary: string;
	footer: string[];
	synthetic: boolean;
}

export const SYNTHETIC_TEXT = 'Illustrative synthetic data – not real figures';

/** Wraps a chart's SVG in a frame with its text, resolving the theme's CSS variables to light colours. */
export function framedSvg(chart: SVGSVGElement, text: FrameText): { svg: string; width: number; height: number } {
	const [, , w0, h0] = (chart.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
	const box = chart.getBoundingClientRect();
	const w = Number.isFinite(w0) && w0 > 0 ? w0 : Math.round(box.width) || 760;
	const h = Number.isFinite(h0) && h0 > 0 ? h0 : Math.round(box.height) || 360;
	const pad = 24;
	const inner = Math.max(w, 720);
	const width = Math.round(inner + 2 * pad);
	const titleLines = wrap(text.title, inner, 21, true);
	const summaryLines = wrap(text.summary, inner, 15);
	const footerLines = text.footer.flatMap((f) => wrap(f, inner, 13));
	const headH = pad + titleLines.length * 26 + summaryLines.length * 20 + (text.synthetic ? 24 : 0) + 14;
	const footH = 10 + footerLines.length * 17 + pad;
	const height = Math.round(headH + h + footH);

	const clone = chart.cloneNode(true) as SVGSVGElement;
	inlineStyles(chart, clone);
	clone.querySelectorAll('.cursor').forEach((n) => n.remove());
	for (const a of ['tabindex', 'style', 'role', 'aria-labelledby', 'aria-describedby', 'class', 'width', 'height', 'x', 'y'])
		clone.removeAttribute(a);
	clone.setAttribute('x', String(pad));
	clone.setAttribute('y', String(headH));
	clone.setAttribute('width', String(w));
	clone.setAttribute('height', String(h));
	if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${w} ${h}`);
	const chartMarkup = new XMLSerializer().serializeToString(clone);

	let y = pad;
	const parts: string[] = [];
	for (const l of titleLines)
		parts.push(`<text x="${pad}" y="${(y += 24)}" font-size="21" font-weight="700" fill="#0b0c0c">${esc(l)}</text>`);
	if (titleLines.length) y += 2;
	for (const l of summaryLines) parts.push(`<text x="${pad}" y="${(y += 20)}" font-size="15" fill="#0b0c0c">${esc(l)}</text>`);
	if (text.synthetic)
		parts.push(`<text x="${pad}" y="${y + 22}" font-size="15" font-weight="700" fill="#801650">${esc(SYNTHETIC_TEXT)}</text>`);
	let fy = headH + h + 10;
	const foot = footerLines.map((l) => `<text x="${pad}" y="${(fy += 17)}" font-size="13" fill="#383f43">${esc(l)}</text>`);
	const cx = pad + w / 2;
	const cy = headH + h / 2;
	const watermark = text.synthetic
		? `<text x="${cx}" y="${cy}" font-size="56" font-weight="700" fill="#801650" opacity="0.08" text-anchor="middle" transform="rotate(-20 ${cx} ${cy})">SYNTHETIC DATA</text>`
		: '';
	const svg =
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Arial, Helvetica, 'Liberation Sans', sans-serif">` +
		`<title>${esc(text.title)}</title><desc>${esc([text.summary, ...(text.synthetic ? [SYNTHETIC_TEXT] : []), ...text.footer].join(' '))}</desc>` +
		`<rect width="100%" height="100%" fill="#ffffff"/>${parts.join('')}${chartMarkup}${watermark}${foot.join('')}</svg>`;
	return { svg, width, height };
}

export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
	const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
	try {
		const img = new Image();
		await new Promise<void>((resolve, reject) => {
			img.onload = () => resolve();
			img.onerror = () => reject(new Error('The chart image could not be drawn.'));
			img.src = url;
		});
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(width * scale);
		canvas.height = Math.round(height * scale);
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error('This browser cannot draw images.');
		ctx.fillStyle = '#ffffff';
		ctx.fillRect(0, 0, canvas.width, canvas.height);
		ctx.scale(scale, scale);
		ctx.drawImage(img, 0, 0, width, height);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png')
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}

export function download(blob: Blob, filename: string): void {
	const a = document.createElement('a');
	const href = URL.createObjectURL(blob);
	a.href = href;
	a.download = filename;
	a.rel = 'noopener';
	a.style.display = 'none';
	document.body.appendChild(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(href), 30_000);
}
