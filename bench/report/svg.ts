/**
 * Two chart kinds drawn as plain SVG (no chart library): grouped bars and lines, either axis
 * linear or logarithmic. Each returns a panel (an SVG group of a given size) so a figure can hold
 * several side by side; `figure` wraps panels with a title and a footnote.
 */

export interface Series {
	name: string;
	color: string;
	/** One value per group (bars) or per x value (lines); null = not measured. */
	values: Array<number | null>;
	dashed?: boolean;
}

export interface Panel {
	width: number;
	height: number;
	body: string;
}

const FONT = 'font-family="DejaVu Sans, Arial, sans-serif"';
const MARGIN = { top: 34, right: 16, bottom: 64, left: 70 };

export function escapeXml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

interface Scale {
	at(value: number): number;
	ticks: number[];
	format(value: number): string;
}

function niceNumber(value: number): string {
	if (value >= 1e6) return `${trim(value / 1e6)}M`;
	if (value >= 1e3) return `${trim(value / 1e3)}k`;
	return trim(value);
}

function trim(value: number): string {
	return Number(value.toPrecision(3)).toString();
}

function logScale(min: number, max: number, from: number, to: number): Scale {
	// A value exactly on a decade (e.g. 1) still gets a visible bar: start one decade lower.
	const lo = Math.floor(Math.log10(Math.max(min, 1e-9)) - 1e-9);
	const hi = Math.ceil(Math.log10(Math.max(max, min * 10)));
	const ticks: number[] = [];
	for (let e = lo; e <= hi; e++) ticks.push(10 ** e);
	return {
		at: (value) =>
			from + ((Math.log10(Math.max(value, 10 ** lo)) - lo) / Math.max(1, hi - lo)) * (to - from),
		ticks,
		format: niceNumber,
	};
}

function linearScale(maxValue: number, from: number, to: number): Scale {
	// All zeros still get an axis from 0 to 1.
	const max = maxValue > 0 ? maxValue : 1;
	const rawStep = max / 5;
	const magnitude = 10 ** Math.floor(Math.log10(rawStep));
	const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rawStep) ?? rawStep;
	const top = Math.ceil(max / step) * step || step;
	const ticks: number[] = [];
	for (let v = 0; v <= top + step / 2; v += step) ticks.push(Number(v.toPrecision(6)));
	return { at: (value) => from + (value / top) * (to - from), ticks, format: niceNumber };
}

function extent(series: Series[], extra: number[] = []): { min: number; max: number } {
	const values = [...series.flatMap((s) => s.values), ...extra].filter(
		(v): v is number => v !== null && v > 0,
	);
	return { min: Math.min(...values, Infinity), max: Math.max(...values, 0) };
}

/** Legend entries left to right, wrapping onto a new row when `maxWidth` is reached. */
function legend(
	series: Array<{ name: string; color: string; dashed?: boolean }>,
	x: number,
	y: number,
	maxWidth: number,
): { svg: string; rows: number } {
	let offset = 0;
	let row = 0;
	const items = series.map((s) => {
		const itemWidth = 30 + s.name.length * 6.2;
		if (offset > 0 && offset + itemWidth > maxWidth) {
			offset = 0;
			row++;
		}
		const item =
			`<g transform="translate(${x + offset},${y + row * 17})">` +
			(s.dashed
				? `<line x1="0" y1="6" x2="14" y2="6" stroke="${s.color}" stroke-width="2" stroke-dasharray="4 2"/>`
				: `<rect width="12" height="12" fill="${s.color}"/>`) +
			`<text x="18" y="10" font-size="11" ${FONT}>${escapeXml(s.name)}</text></g>`;
		offset += itemWidth;
		return item;
	});
	return { svg: items.join(''), rows: row + 1 };
}

function yAxis(
	scale: Scale,
	plot: { x: number; y: number; w: number; h: number },
	label: string,
): string {
	const lines = scale.ticks
		.map((t) => {
			const y = plot.y + plot.h - (scale.at(t) - plot.y);
			return (
				`<line x1="${plot.x}" x2="${plot.x + plot.w}" y1="${y}" y2="${y}" stroke="#e3e3e3"/>` +
				`<text x="${plot.x - 6}" y="${y + 4}" font-size="10" text-anchor="end" ${FONT}>${scale.format(t)}</text>`
			);
		})
		.join('');
	const labelX = plot.x - 52;
	const labelY = plot.y + plot.h / 2;
	return (
		lines +
		`<line x1="${plot.x}" x2="${plot.x}" y1="${plot.y}" y2="${plot.y + plot.h}" stroke="#555"/>` +
		`<text transform="translate(${labelX},${labelY}) rotate(-90)" font-size="11" text-anchor="middle" ${FONT}>${escapeXml(label)}</text>`
	);
}

export interface BarPanelOptions {
	title: string;
	groups: string[];
	series: Series[];
	yLabel: string;
	yLog?: boolean;
	/** Horizontal reference lines across the panel (e.g. a goal). */
	refLines?: Array<{ value: number; label: string; color: string }>;
	/** A short dashed mark per group (e.g. each group's floor). */
	groupMarks?: { name: string; color: string; values: Array<number | null> };
	/** Text above each bar (defaults to the value). */
	barLabel?: (value: number) => string;
	width?: number;
	height?: number;
}

export function barPanel(options: BarPanelOptions): Panel {
	const width = options.width ?? 900;
	const height = options.height ?? 420;
	const legendItems = [
		...options.series,
		...(options.groupMarks
			? [{ name: options.groupMarks.name, color: options.groupMarks.color, dashed: true }]
			: []),
	];
	const key = legend(legendItems, MARGIN.left, 30, width - MARGIN.left - MARGIN.right);
	const top = MARGIN.top + 17 * key.rows;
	const plot = {
		x: MARGIN.left,
		y: top,
		w: width - MARGIN.left - MARGIN.right,
		h: height - top - MARGIN.bottom,
	};
	const marks = options.groupMarks?.values.filter((v): v is number => v !== null) ?? [];
	const refs = options.refLines?.map((r) => r.value) ?? [];
	const { min, max } = extent(options.series, [...marks, ...refs]);
	const raw = options.yLog
		? logScale(min, max, plot.y, plot.y + plot.h)
		: linearScale(max, plot.y, plot.y + plot.h);
	// Scales map to screen y growing downwards: flip around the plot.
	const yOf = (value: number) => plot.y + plot.h - (raw.at(value) - plot.y);
	const baseline = plot.y + plot.h;
	const groupWidth = plot.w / Math.max(1, options.groups.length);
	const barWidth = Math.min(36, (groupWidth * 0.8) / Math.max(1, options.series.length));
	const label = options.barLabel ?? ((v: number) => niceNumber(v));
	let body = yAxis(raw, plot, options.yLabel);
	options.groups.forEach((group, g) => {
		const groupX = plot.x + g * groupWidth + (groupWidth - barWidth * options.series.length) / 2;
		options.series.forEach((series, s) => {
			const value = series.values[g];
			const x = groupX + s * barWidth;
			if (value === null || value === undefined) {
				body += `<text x="${x + barWidth / 2}" y="${baseline - 4}" font-size="9" text-anchor="middle" fill="#999" ${FONT}>n/a</text>`;
				return;
			}
			const barTop = value > 0 ? yOf(value) : baseline;
			body +=
				`<rect x="${x + 1}" y="${barTop}" width="${barWidth - 2}" height="${Math.max(0, baseline - barTop)}" fill="${series.color}"/>` +
				`<text x="${x + barWidth / 2}" y="${barTop - 3}" font-size="9" text-anchor="middle" ${FONT}>${escapeXml(label(value))}</text>`;
		});
		const mark = options.groupMarks?.values[g];
		if (mark !== null && mark !== undefined && mark > 0) {
			const y = yOf(mark);
			body += `<line x1="${groupX - 4}" x2="${groupX + barWidth * options.series.length + 4}" y1="${y}" y2="${y}" stroke="${options.groupMarks!.color}" stroke-width="2" stroke-dasharray="5 3"/>`;
		}
		const words = group.split('\n');
		words.forEach((word, i) => {
			body += `<text x="${plot.x + g * groupWidth + groupWidth / 2}" y="${baseline + 16 + i * 13}" font-size="11" text-anchor="middle" ${FONT}>${escapeXml(word)}</text>`;
		});
	});
	for (const ref of options.refLines ?? []) {
		const y = yOf(ref.value);
		body +=
			`<line x1="${plot.x}" x2="${plot.x + plot.w}" y1="${y}" y2="${y}" stroke="${ref.color}" stroke-width="1.5" stroke-dasharray="6 3"/>` +
			`<text x="${plot.x + plot.w - 4}" y="${y - 4}" font-size="10" text-anchor="end" fill="${ref.color}" ${FONT}>${escapeXml(ref.label)}</text>`;
	}
	body += `<line x1="${plot.x}" x2="${plot.x + plot.w}" y1="${baseline}" y2="${baseline}" stroke="#555"/>`;
	body += `<text x="${MARGIN.left}" y="20" font-size="14" font-weight="bold" ${FONT}>${escapeXml(options.title)}</text>`;
	body += key.svg;
	return { width, height, body };
}

export interface LinePanelOptions {
	title: string;
	x: number[];
	series: Series[];
	xLabel: string;
	yLabel: string;
	xLog?: boolean;
	yLog?: boolean;
	width?: number;
	height?: number;
}

export function linePanel(options: LinePanelOptions): Panel {
	const width = options.width ?? 450;
	const height = options.height ?? 380;
	const key = legend(options.series, MARGIN.left, 30, width - MARGIN.left - MARGIN.right);
	const top = MARGIN.top + 17 * key.rows;
	const plot = {
		x: MARGIN.left,
		y: top,
		w: width - MARGIN.left - MARGIN.right,
		h: height - top - MARGIN.bottom + 14,
	};
	const { min, max } = extent(options.series);
	const rawY = options.yLog
		? logScale(min, max, plot.y, plot.y + plot.h)
		: linearScale(max, plot.y, plot.y + plot.h);
	const yOf = (value: number) => plot.y + plot.h - (rawY.at(value) - plot.y);
	const xMin = Math.min(...options.x);
	const xMax = Math.max(...options.x);
	const xScale = options.xLog
		? logScale(xMin, xMax, plot.x, plot.x + plot.w)
		: linearScale(xMax, plot.x, plot.x + plot.w);
	let body = yAxis(rawY, plot, options.yLabel);
	const baseline = plot.y + plot.h;
	for (const t of xScale.ticks) {
		const x = xScale.at(t);
		body +=
			`<line x1="${x}" x2="${x}" y1="${plot.y}" y2="${baseline}" stroke="#eeeeee"/>` +
			`<text x="${x}" y="${baseline + 14}" font-size="10" text-anchor="middle" ${FONT}>${xScale.format(t)}</text>`;
	}
	body += `<line x1="${plot.x}" x2="${plot.x + plot.w}" y1="${baseline}" y2="${baseline}" stroke="#555"/>`;
	body += `<text x="${plot.x + plot.w / 2}" y="${baseline + 32}" font-size="11" text-anchor="middle" ${FONT}>${escapeXml(options.xLabel)}</text>`;
	for (const series of options.series) {
		const points = options.x
			.map((x, i) => [x, series.values[i]] as const)
			.filter((p): p is readonly [number, number] => p[1] !== null && p[1] > 0)
			.map(([x, y]) => [xScale.at(x), yOf(y)] as const);
		body += `<polyline fill="none" stroke="${series.color}" stroke-width="2" ${series.dashed ? 'stroke-dasharray="5 3"' : ''} points="${points.map((p) => p.join(',')).join(' ')}"/>`;
		for (const [x, y] of points)
			body += `<circle cx="${x}" cy="${y}" r="3" fill="${series.color}"/>`;
	}
	body += `<text x="${MARGIN.left}" y="20" font-size="14" font-weight="bold" ${FONT}>${escapeXml(options.title)}</text>`;
	body += key.svg;
	return { width, height, body };
}

/** Panels side by side under a title, with a footnote (what was run, where). */
export function figure(title: string, panels: Panel[], footnote: string): string {
	const width = panels.reduce((sum, p) => sum + p.width, 0);
	const height = Math.max(...panels.map((p) => p.height)) + 60;
	let x = 0;
	const placed = panels
		.map((panel) => {
			const g = `<g transform="translate(${x},34)">${panel.body}</g>`;
			x += panel.width;
			return g;
		})
		.join('');
	const lines = footnote.split('\n');
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height + lines.length * 13}" viewBox="0 0 ${width} ${height + lines.length * 13}">` +
		`<rect width="100%" height="100%" fill="white"/>` +
		`<text x="16" y="24" font-size="17" font-weight="bold" ${FONT}>${escapeXml(title)}</text>` +
		placed +
		lines
			.map(
				(line, i) =>
					`<text x="16" y="${height + 4 + i * 13}" font-size="10" fill="#555" ${FONT}>${escapeXml(line)}</text>`,
			)
			.join('') +
		`</svg>`
	);
}
