import type { INodeProperties } from 'n8n-workflow';

import { smsTriggerProperties } from '../shared/webhooks/properties';

/** The common trigger parameters and Options; an incoming message has no filter of its own. */
export const inboundSmsProperties: INodeProperties[] = smsTriggerProperties('inbound');
