/**
 * The Return All / Limit pair every "Get Many" operation shows (n8n's own convention and wording),
 * for one resource: written once so the nodes that list things (sender names, subscriptions, stored
 * DHIS2 SMS) show and read them the same way.
 */
import type { INodeProperties } from 'n8n-workflow';

export function returnAllAndLimit(resource: string, operation = 'getAll'): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			displayOptions: { show: { resource: [resource], operation: [operation] } },
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: {
				show: { resource: [resource], operation: [operation], returnAll: [false] },
			},
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
		},
	];
}
