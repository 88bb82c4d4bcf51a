import type { INodePropertyOptions } from 'n8n-workflow';

export const TEMPLATE_CATEGORY_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Authentication', value: 'AUTHENTICATION', description: 'One-time passcodes' },
	{ name: 'Marketing', value: 'MARKETING', description: 'Promotions, offers, news' },
	{ name: 'Utility', value: 'UTILITY', description: 'Updates about an order, account or booking' },
];

const statuses: Array<[string, string]> = [
	['APPROVED', 'Approved'],
	['DELETED', 'Deleted'],
	['DISABLED', 'Disabled'],
	['IN_APPEAL', 'In Appeal'],
	['LIMIT_EXCEEDED', 'Limit Exceeded'],
	['PAUSED', 'Paused'],
	['PENDING', 'Pending'],
	['PENDING_DELETION', 'Pending Deletion'],
	['REJECTED', 'Rejected'],
];

export const TEMPLATE_STATUS_OPTIONS: INodePropertyOptions[] = statuses.map(([value, name]) => ({
	name,
	value,
}));
