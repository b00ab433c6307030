/**
 * Print set-up for the A4 report: the @page rule with a running header and page numbers in the page's
 * margin boxes (Chromium ≥ 131). The header text comes from the data (area names), so it is written as
 * an escaped CSS string: it can never close the string, the rule or the <style> element it sits in.
 */

/** A CSS string literal (double-quoted) holding `text` exactly, safe inside a <style> element. */
export function cssString(text: string): string {
	let out = '';
	for (const ch of text) {
		const code = ch.codePointAt(0)!;
		if (ch === '"' || ch === '\\') out += `\\${ch}`;
		// Control characters, and < and > (so "</style>" cannot appear): hex escapes with a terminating space.
		else if (code < 0x20 || code === 0x7f || ch === '<' || ch === '>') out += `\\${code.toString(16)} `;
		else out += ch;
	}
	return `"${out}"`;
}

export interface PageText {
	/** Running header, left (e.g. area and report name). */
	topLeft: string;
	/** Running header, right (e.g. the data date). */
	topRight: string;
	/** Footer, left (e.g. the synthetic-data label). */
	bottomLeft: string;
	/** Page margins in mm: top, right, bottom, left. */
	margins?: [number, number, number, number];
}

/** The @page rules for the report: A4, running header, "Page n of N", no header on the title page. */
export function pageCss(t: PageText): string {
	const [mt, mr, mb, ml] = t.margins ?? [20, 16, 18, 16];
	const box = 'font-family: Arial, "Helvetica Neue", Helvetica, "Liberation Sans", sans-serif; font-size: 9pt; color: #333;';
	return [
		`@page {`,
		`  size: A4;`,
		`  margin: ${mt}mm ${mr}mm ${mb}mm ${ml}mm;`,
		`  @top-left { content: ${cssString(t.topLeft)}; ${box} vertical-align: bottom; padding-bottom: 4mm; }`,
		`  @top-right { content: ${cssString(t.topRight)}; ${box} vertical-align: bottom; padding-bottom: 4mm; }`,
		`  @bottom-left { content: ${cssString(t.bottomLeft)}; ${box} vertical-align: top; padding-top: 4mm; }`,
		`  @bottom-right { content: "Page " counter(page) " of " counter(pages); ${box} vertical-align: top; padding-top: 4mm; }`,
		`}`,
		`@page :first {`,
		`  @top-left { content: none; }`,
		`  @top-right { content: none; }`,
		`}`
	].join('\n');
}
