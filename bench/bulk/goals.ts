/**
 * The rows of issue 11's table, computed from one bulk run's rows: each with the measured value,
 * the goal and whether it is met, so the report can print the table as it stands. The 100,000-
 * recipient row comes from the scale step of the same `npm run bench` run (bench/scale).
 */
import type { BenchGateway } from '../support/gateways';

/** The fields of a bulk row the goals read (BulkRow in measure-bulk.ts). */
export interface GoalRow {
	gateway: BenchGateway;
	mode: 'broadcast' | 'personalised';
	variant: string;
	recipients: number;
	runMs: number;
	floorMs: number;
	replyStatus: number;
	n8nCpuMsPerRequest?: number;
}

export interface GoalLine {
	row: string;
	/** Measured per gateway (the worst one decides `met`). */
	measured: Partial<Record<BenchGateway, number>>;
	goal: string;
	met: boolean | null;
}

/** Gupshup needs one request per recipient even for a broadcast, so the broadcast goals leave it out. */
const BROADCAST_GATEWAYS: BenchGateway[] = ['africasTalking', 'smsBox', 'dhis2'];
const ONE_PER_RECIPIENT: BenchGateway[] = ['africasTalking', 'dhis2', 'gupshup'];

export function issueGoals(rows: GoalRow[]): GoalLine[] {
	const ok = rows.filter((r) => r.replyStatus === 200);
	const find = (gateway: BenchGateway, mode: GoalRow['mode'], variant: string) =>
		ok.find((r) => r.gateway === gateway && r.mode === mode && r.variant === variant);
	const per = (gateways: BenchGateway[], value: (g: BenchGateway) => number | undefined) =>
		Object.fromEntries(
			gateways.flatMap((g) => {
				const v = value(g);
				return v === undefined || !Number.isFinite(v) ? [] : [[g, round(v)]];
			}),
		) as Partial<Record<BenchGateway, number>>;
	const speedup = (g: BenchGateway, mode: GoalRow['mode']) => {
		const send = find(g, mode, 'sendSms');
		const http = find(g, mode, 'httpDefaults');
		return send && http ? http.runMs / send.runMs : undefined;
	};
	const lines: GoalLine[] = [];
	const check = (
		row: string,
		measured: Partial<Record<BenchGateway, number>>,
		goal: string,
		pass: (v: number) => boolean,
	) => {
		const values = Object.values(measured);
		lines.push({ row, measured, goal, met: values.length === 0 ? null : values.every(pass) });
	};

	check(
		'broadcast, Send SMS vs HTTP Request node (× faster)',
		per(BROADCAST_GATEWAYS, (g) => speedup(g, 'broadcast')),
		'≥ 50×',
		(v) => v >= 50,
	);
	check(
		'broadcast, Send SMS run / (1.3 × floor + 0.05 ms per recipient)',
		per(BROADCAST_GATEWAYS, (g) => {
			const r = find(g, 'broadcast', 'sendSms');
			return r ? r.runMs / (1.3 * r.floorMs + 0.05 * r.recipients) : undefined;
		}),
		'≤ 1',
		(v) => v <= 1,
	);
	check(
		'personalised, one request per recipient, vs HTTP Request (× faster)',
		per(ONE_PER_RECIPIENT, (g) => speedup(g, 'personalised')),
		'≥ 1.5×',
		(v) => v >= 1.5,
	);
	check(
		'personalised, one request per recipient, run / own concurrency floor',
		per(ONE_PER_RECIPIENT, (g) => {
			const r = find(g, 'personalised', 'sendSms');
			return r ? r.runMs / r.floorMs : undefined;
		}),
		'≤ 1.3',
		(v) => v <= 1.3,
	);
	check(
		"personalised through SMSBox's [{RECEIVERNAME}] vs HTTP Request (× faster)",
		per(['smsBox'], (g) => speedup(g, 'personalised')),
		'≥ 50×',
		(v) => v >= 50,
	);
	check(
		'n8n CPU per request of Send SMS (ms, personalised)',
		per(ONE_PER_RECIPIENT, (g) => find(g, 'personalised', 'sendSms')?.n8nCpuMsPerRequest),
		'≤ 0.5 ms',
		(v) => v <= 0.5,
	);
	return lines;
}

function round(value: number): number {
	return Math.round(value * 100) / 100;
}
