/**
 * The shape of the first webhook benchmark's results ("shape 1": the SMS Delivery Report Trigger
 * against n8n's own Webhook node, fixed rate then a rising ladder), kept for the files it wrote,
 * such as bench/results/webhooks-legacy-expressions.json, which the report still renders. The
 * phase that measured them is gone (bench/webhooks/settings/ measures the webhook phase now); only
 * what its results hold is here, next to the report that reads them.
 */
import type { LogEvidence } from '../support/log-evidence';
import type { LoadSummary } from '../webhooks/load-generator';
import type { PayloadKind } from '../webhooks/payloads';

/** The two receivers it compared, each the only node of its workflow in the same n8n. */
export type TargetKind = 'trigger' | 'webhookNode';

export const TARGET_LABEL: Record<TargetKind, string> = {
	trigger: 'SMS Delivery Report Trigger',
	webhookNode: "n8n's Webhook node",
};

export interface WebhookOptions {
	fixedRate: number;
	fixedCount: number;
	/** Ascending; each step lasted `stepSeconds` (at least `minStepCallbacks` callbacks). */
	stepRates: number[];
	stepSeconds: number;
	/** Payloads measured at the fixed rate; the step-up used the first. */
	payloads: PayloadKind[];
	p99GoalMs: number;
	packageName: string;
}

export interface WebhookRow extends Omit<LoadSummary, 'perSecond' | 'url'> {
	target: TargetKind;
	payload: PayloadKind;
	phase: 'fixed' | 'step';
	executionsStarted: number;
	executionsFinished: number;
	/** From the last answer until n8n had finished every execution the run started. */
	drainMs: number;
	/** CPU time n8n's process used from the first send until the executions were drained, per callback. */
	n8nCpuMsPerCallback?: number;
	/** What n8n logged during the run. */
	n8nLog: LogEvidence;
	/** 0 lost, every callback started an execution, p99 under the goal. */
	meetsGoal: boolean;
	perSecond?: LoadSummary['perSecond'];
}

export interface P99Comparison {
	payload: PayloadKind;
	rate: number;
	phase: WebhookRow['phase'];
	triggerP99: number;
	webhookNodeP99: number;
	ratio: number;
	/**
	 * False when either lost callbacks: then its p99 is capped by the client's 10 s timeout and
	 * the ratio says nothing about the receivers.
	 */
	comparable: boolean;
}

/** The trigger's own `webhook()` run in the engine (no n8n server around it), per payload. */
export interface TriggerEngineCost {
	payload: PayloadKind;
	calls: number;
	cpuMsPerCall: number;
	answeredOk: number;
	started: number;
}

export interface WebhookResult {
	settings: Omit<WebhookOptions, 'packageName'> & { minStepCallbacks: number };
	rows: WebhookRow[];
	/** Per target: the highest stepped rate that met the goal (the fixed rate counts as a step). */
	highestSustainedRate: Record<TargetKind, number | null>;
	/** Trigger p99 ÷ Webhook node p99 at every rate both were sent. */
	p99Comparisons: P99Comparison[];
	/** The trigger's own webhook() in the engine, per payload (no n8n server around it). */
	triggerEngineCost: TriggerEngineCost[];
}
