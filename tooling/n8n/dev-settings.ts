/** Fixed settings of the `npm run dev` n8n (loopback only, so a fixed login is fine). */
import type { OwnerAccount } from './rest-client';

export const DEV_OWNER: OwnerAccount = {
	email: 'dev@example.com',
	firstName: 'Dev',
	lastName: 'Owner',
	password: 'SmsGateways-dev1',
};

export const DEFAULT_DEV_N8N_PORT = 5678;
export const DEFAULT_DEV_SIMULATOR_PORT = 8787;
/** The webhook processor of `npm run dev -- --queue` (5679 is n8n's default task-broker port). */
export const DEFAULT_DEV_WEBHOOK_PORT = 5680;
