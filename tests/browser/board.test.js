// Board mode (/board): keyboard navigation with the slide number in the URL, no overflow at projector
// sizes, text large enough to read from the back of a room, the synthetic label, suppression always on,
// a high-contrast theme whatever the OS says, and screenshots of every slide for a human to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, BASE, shot, pastTheirCard } from './harness.js';

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

const MEDWAY = 'E06000035';
const ROTHERHAM = 'E08000018';
const SOUTHEND = 'E06000033';
const VIEWPORTS = [
	{ width: 1280, height: 720 },
	{ width: 1366, height: 768 },
	{ width: 1920, height: 1080 }
];
/** Slides drawn (wholly or partly) from record-level data, which is synthetic by default. */
const RECORD_LEVEL = ['overview', 'trajectory', 'continuity', 'rehab', 'deaths-in-treatment', 'monthly', 'presentations', 'substances'];

async function openBoard(page, query) {
	await page.goto(`${BASE}/board${query ? `?${query}` : ''}`);
	await page.locator('.board[data-ready="true"]').waitFor();
	await settle(page);
}

/** Two animation frames: the chart is sized from its measured box after each slide change. */
async function settle(page) {
	await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

async function current(page) {
	return page.evaluate(() => {
		const b = document.querySelector('.board');
		return {
			slide: Number(b.dataset.slide),
			slides: Number(b.dataset.slides),
			id: document.querySelector('.slide')?.dataset.slideId,
			url: location.href
		};
	});
}

async function press(page, key, expected) {
	await page.keyboard.press(key);
	await page.waitForFunction(
		(n) => new URL(location.href).searchParams.get('slide') === String(n) && document.querySelector('.board').dataset.slide === String(n),
		expected
	);
	await settle(page);
	const c = await current(page);
	assert.equal(c.slide, expected, `${key} should go to slide ${expected}`);
	assert.equal(new URL(c.url).searchParams.get('slide'), String(expected));
	return c;
}

test('keyboard: → ← PageDown PageUp Home End Space change the slide and the URL, keeping the selection', async () => {
	const { page, context, foreign, errors } = await openPage(browser, { width: 1366, height: 768 });
	await openBoard(page, `area=${MEDWAY}`);
	const start = await current(page);
	assert.equal(start.slide, 1);
	assert.ok(start.slides >= 6, `a deck of at least 6 slides (got ${start.slides})`);
	assert.match(await page.locator('.controls .count').innerText(), new RegExp(`^1 / ${start.slides}$`));

	await press(page, 'ArrowRight', 2);
	await press(page, 'PageDown', 3);
	await press(page, 'ArrowLeft', 2);
	await press(page, 'PageUp', 1);
	await press(page, 'End', start.slides);
	assert.match(await page.locator('.controls .count').innerText(), new RegExp(`^${start.slides} / ${start.slides}$`));
	await press(page, 'Home', 1);
	const afterSpace = await press(page, 'Space', 2);
	// The slide number is merged with the selection's parameters.
	assert.equal(new URL(afterSpace.url).searchParams.get('area'), MEDWAY);
	// Past the ends nothing moves.
	await press(page, 'Home', 1);
	await page.keyboard.press('ArrowLeft');
	await settle(page);
	assert.equal((await current(page)).slide, 1);

	// Mouse users: large previous/next buttons.
	await page.getByRole('button', { name: 'Next slide' }).click();
	await page.waitForFunction(() => document.querySelector('.board').dataset.slide === '2');
	await page.getByRole('button', { name: 'Previous slide' }).click();
	await page.waitForFunction(() => document.querySelector('.board').dataset.slide === '1');

	// A focused chart does not swallow the deck's keys.
	await press(page, 'ArrowRight', 2);
	await page.locator('.chart-area svg[role="img"]').focus();
	await press(page, 'ArrowRight', 3);
	assert.deepEqual(foreign, []);
	assert.deepEqual(errors, []);
	await context.close();
});

test('opening /board?slide=3 starts at slide 3; Esc leaves for the overview with the same selection', async () => {
	const { page, context, errors } = await openPage(browser, { width: 1280, height: 720 });
	await openBoard(page, `area=${MEDWAY}&slide=3`);
	const c = await current(page);
	assert.equal(c.slide, 3);
	assert.match(await page.locator('.controls .count').innerText(), /^3 \/ \d+$/);
	assert.match(await page.title(), /slide 3 of/);

	// Out-of-range numbers are clamped.
	await openBoard(page, `area=${MEDWAY}&slide=999`);
	assert.equal((await current(page)).slide, (await current(page)).slides);

	// F asks for full screen (headless may refuse; either way nothing breaks). Esc leaves full screen first.
	await page.keyboard.press('f');
	await page.waitForTimeout(300);
	if (await page.evaluate(() => Boolean(document.fullscreenElement))) {
		await page.keyboard.press('Escape');
		await page.waitForFunction(() => !document.fullscreenElement);
		assert.equal(new URL(page.url()).pathname, '/board');
	}
	await page.keyboard.press('Escape');
	await page.waitForURL((u) => u.pathname === '/');
	assert.equal(new URL(page.url()).searchParams.get('area'), MEDWAY);
	assert.deepEqual(errors, []);
	await context.close();
});

test('no overflow, past the viewport or a card, and no scrolling at 1280×720, 1366×768 and 1920×1080 on every slide', async () => {
	for (const area of [ROTHERHAM, MEDWAY]) {
		for (const vp of VIEWPORTS) {
			const { page, context, errors } = await openPage(browser, vp);
			await openBoard(page, `area=${area}`);
			const { slides } = await current(page);
			for (let n = 1; n <= slides; n++) {
				if (n > 1) await press(page, 'ArrowRight', n);
				const r = await page.evaluate(() => {
					const W = innerWidth;
					const H = innerHeight;
					const out = [];
					for (const el of document.querySelectorAll('.board, .board *')) {
						const b = el.getBoundingClientRect();
						if (b.width === 0 && b.height === 0) continue;
						if (el.closest('title, desc, defs')) continue;
						if (b.left < -1 || b.top < -1 || b.right > W + 1 || b.bottom > H + 1)
							out.push(
								`${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} "${(el.textContent ?? '').trim().slice(0, 40)}" ${Math.round(b.left)},${Math.round(b.top)}–${Math.round(b.right)},${Math.round(b.bottom)}`
							);
					}
					const d = document.documentElement;
					return {
						scrollH: d.scrollHeight,
						scrollW: d.scrollWidth,
						W,
						H,
						outside: out,
						id: document.querySelector('.slide')?.dataset.slideId
					};
				});
				const where = `${area} ${vp.width}×${vp.height} slide ${n} (${r.id})`;
				assert.ok(r.scrollH <= r.H, `${where}: page scrolls vertically (${r.scrollH} > ${r.H})`);
				assert.ok(r.scrollW <= r.W, `${where}: page scrolls horizontally (${r.scrollW} > ${r.W})`);
				assert.deepEqual(r.outside, [], `${where}: elements outside the viewport`);
				assert.deepEqual(await pastTheirCard(page, '.board .card'), [], `${where}: elements past their card`);
			}
			assert.deepEqual(errors, []);
			await context.close();
		}
	}
});

test('at 1920×1080 body text is at least 28 px and chart text at least 20 px on every slide', async () => {
	const { page, context } = await openPage(browser, { width: 1920, height: 1080 });
	await openBoard(page, `area=${ROTHERHAM}`);
	const { slides } = await current(page);
	let minBody = Infinity;
	let minChart = Infinity;
	let minChartBox = Infinity;
	for (let n = 1; n <= slides; n++) {
		if (n > 1) await press(page, 'ArrowRight', n);
		const m = await page.evaluate(() => {
			const body = [];
			const chart = [];
			for (const el of document.querySelectorAll('.board *')) {
				if (el.closest('svg')) continue;
				const own = [...el.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.textContent.trim());
				if (!own || el.closest('.visually-hidden')) continue;
				const b = el.getBoundingClientRect();
				if (!b.width) continue;
				const item = { size: parseFloat(getComputedStyle(el).fontSize), box: b.height, text: el.textContent.trim().slice(0, 30) };
				// A scorecard table is the slide's figure (it shrinks to fit its rows), held to the chart text rule.
				(el.closest('table.score') ? chart : body).push(item);
			}
			for (const t of document.querySelectorAll('.chart-area svg text')) {
				if (!t.textContent.trim()) continue;
				const svg = t.ownerSVGElement;
				const scale = svg.getScreenCTM()?.a ?? 1;
				const b = t.getBoundingClientRect();
				if (!b.height) continue;
				chart.push({ size: parseFloat(getComputedStyle(t).fontSize) * scale, box: b.height, text: t.textContent.trim().slice(0, 30) });
			}
			return { id: document.querySelector('.slide').dataset.slideId, body, chart };
		});
		for (const b of m.body) assert.ok(b.size >= 28, `slide ${n} (${m.id}): "${b.text}" is ${b.size}px`);
		for (const c of m.chart) {
			assert.ok(c.size >= 20, `slide ${n} (${m.id}): chart text "${c.text}" renders at ${c.size.toFixed(1)}px`);
			assert.ok(c.box >= 20, `slide ${n} (${m.id}): chart text "${c.text}" box is ${c.box.toFixed(1)}px high`);
		}
		if (m.id !== 'overview') assert.ok(m.chart.length > 0, `slide ${n} (${m.id}) has chart text`);
		minBody = Math.min(minBody, ...m.body.map((b) => b.size));
		minChart = Math.min(minChart, ...m.chart.map((c) => c.size));
		minChartBox = Math.min(minChartBox, ...m.chart.map((c) => c.box));
	}
	console.log(
		`# 1920×1080: smallest body text ${minBody}px; smallest chart text ${minChart.toFixed(1)}px (text box ${minChartBox.toFixed(1)}px high)`
	);
	await context.close();
});

test('synthetic data is labelled on slides with record-level data; high contrast even in dark mode', async () => {
	const { page, context } = await openPage(browser, { width: 1366, height: 768, colorScheme: 'dark' });
	await openBoard(page, `area=${ROTHERHAM}`);
	const colours = await page.evaluate(() => {
		const s = getComputedStyle(document.querySelector('.board'));
		return { bg: s.backgroundColor, fg: s.color };
	});
	assert.equal(colours.bg, 'rgb(255, 255, 255)');
	assert.equal(colours.fg, 'rgb(11, 12, 12)');
	const { slides } = await current(page);
	const seen = [];
	for (let n = 1; n <= slides; n++) {
		if (n > 1) await press(page, 'ArrowRight', n);
		const { id } = await current(page);
		const label = await page.locator('.slide .synthetic-label').count();
		seen.push(id);
		if (RECORD_LEVEL.includes(id)) {
			assert.equal(label, 1, `slide ${n} (${id}) carries the synthetic label`);
			assert.match(await page.locator('.slide .synthetic-label').innerText(), /Illustrative synthetic data – not real figures/);
		}
		if (id === 'poisoning') assert.equal(label, 0, 'ONS deaths are real published figures');
	}
	for (const id of ['overview', 'poisoning', 'trajectory', 'continuity', 'rehab', 'deaths-in-treatment'])
		assert.ok(seen.includes(id), `the deck has a ${id} slide (${seen.join(', ')})`);
	await context.close();
});

test('small numbers are suppressed on the board even when the URL turns suppression off', async () => {
	const { page, context } = await openPage(browser, { width: 1366, height: 768 });
	await openBoard(page, `area=${SOUTHEND}&suppress=off`);
	const { slides } = await current(page);
	let found = false;
	for (let n = 2; n <= slides; n++) {
		await press(page, 'ArrowRight', n);
		if ((await current(page)).id !== 'deaths-in-treatment') continue;
		found = true;
		const sentence = await page.locator('.slide .sentence').innerText();
		// Southend's latest year has 1–4 deaths in treatment in at least one cohort.
		assert.match(sentence, /\*/, `suppressed count shown as *: ${sentence}`);
		const marks = await page.locator('.chart-area svg text.suppressed').count();
		assert.ok(marks > 0, 'suppressed points are marked * in the chart');
	}
	assert.ok(found, 'Southend has a deaths-in-treatment slide');
	await context.close();
});

test('screenshots of every slide at 1920×1080 and 1280×720', async () => {
	for (const area of [ROTHERHAM, MEDWAY]) {
		for (const vp of [VIEWPORTS[2], VIEWPORTS[0]]) {
			const { page, context } = await openPage(browser, vp);
			await openBoard(page, `area=${area}`);
			const { slides } = await current(page);
			for (let n = 1; n <= slides; n++) {
				if (n > 1) await press(page, 'ArrowRight', n);
				const { id } = await current(page);
				await page.screenshot({ path: shot(`board-${area}-${vp.width}x${vp.height}-${String(n).padStart(2, '0')}-${id}`) });
			}
			await context.close();
		}
	}
});
