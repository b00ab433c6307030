/**
 * Chart images for reports: a standalone SVG with the title, summary, synthetic label and source drawn
 * in (light theme, styles inlined), and a PNG rendered from it at 2× for print. Browser only.
 */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const INLINED = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'font-weight', 'font-size', 'display'] as const;

/** Copies the computed presentation styles onto a clone, in the light theme, so the SVG stands alone. */
function inlineStyles(original: SVGSVGElement, clone: SVGSVGElement): void {
	const root = document.documentElement;
	root.classList.add('export-light');
	try {
		const from = [original, ...original.querySelectorAll<SVGElement>('*')];
		const to = [clone, ...clone.querySelectorAll<SVGElement>('*')];
		from.forEach((el, i) => {
			const cs = getComputedStyle(el);
			for (const prop of INLINED) {
				const v = cs.getPropertyValue(prop);
				if (v) to[i].setAttribute(prop, v);
			}
		});
	} finally {
		root.classList.remove('export-light');
	}
}

function wrap(text: string, max: number): string[] {
	const words = text.split(/\s+/);
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

/** Wraps a chart's SVG in a frame with its text, resolving the theme's CSS variables to light colours. */
export function framedSvg(chart: SVGSVGElement, text: FrameText): { svg: string; width: number; height: number } {
	const [, , w, h] = (chart.getAttribute('viewBox') ?? '0 0 760 360').split(/\s+/).map(Number);
	const width = Math.max(w, 760);
	const pad = 24;
	const titleLines = wrap(text.title, 70);
	const summaryLines = wrap(text.summary, 100);
	const footerLines = text.footer.flatMap((f) => wrap(f, 110));
	const headH = pad + titleLines.length * 26 + summaryLines.length * 20 + (text.synthetic ? 22 : 0) + 10;
	const footH = footerLines.length * 17 + pad;
	const height = headH + h + footH;

	const clone = chart.cloneNode(true) as SVGSVGElement;
	inlineStyles(chart, clone);
	clone.querySelectorAll('.cursor').forEach((n) => n.remove());
	let inner = new XMLSerializer().serializeToString(clone);
	inner = inner.replace(/<svg/, `<svg x="${pad}" y="${headH}" width="${w}" height="${h}"`);

	let y = pad;
	const parts: string[] = [];
	for (const l of titleLines) parts.push(`<text x="${pad}" y="${(y += 24)}" font-size="21" font-weight="700" fill="#0b0c0c">${esc(l)}</text>`);
	for (const l of summaryLines) parts.push(`<text x="${pad}" y="${(y += 20)}" font-size="15" fill="#0b0c0c">${esc(l)}</text>`);
	if (text.synthetic) parts.push(`<text x="${pad}" y="${(y += 22)}" font-size="15" font-weight="700" fill="#801650">Illustrative synthetic data – not real figures</text>`);
	let fy = headH + h + 8;
	const foot = footerLines.map((l) => `<text x="${pad}" y="${(fy += 17)}" font-size="13" fill="#505a5f">${esc(l)}</text>`);
	const watermark = text.synthetic
		? `<text x="${width / 2}" y="${headH + h / 2}" font-size="56" font-weight="700" fill="#801650" opacity="0.08" text-anchor="middle" transform="rotate(-20 ${width / 2} ${headH + h / 2})">SYNTHETIC DATA</text>`
		: '';
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width + pad}" height="${height}" viewBox="0 0 ${width + pad} ${height}" font-family="Arial, Helvetica, sans-serif"><rect width="100%" height="100%" fill="#ffffff"/>${parts.join('')}${inner}${watermark}${foot.join('')}</svg>`;
	return { svg, width: width + pad, height };
}

export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
	const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
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
		const ctx = canvas.getContext('2d')!;
		ctx.scale(scale, scale);
		ctx.drawImage(img, 0, 0, width, height);
		return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
	} finally {
		URL.revokeObjectURL(url);
	}
}

export function download(blob: Blob, filename: string): void {
	const a = document.createElement('a');
	a.href = URL.createObjectURL(blob);
	a.download = filename;
	document.body.appendChild(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
