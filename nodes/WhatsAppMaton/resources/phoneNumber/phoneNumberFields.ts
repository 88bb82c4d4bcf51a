import type { INodePropertyOptions } from 'n8n-workflow';

/** Fields of a phone number that Graph returns when asked; `messaging_limit_tier` is deprecated. */
export const PHONE_NUMBER_FIELD_OPTIONS: INodePropertyOptions[] = [
	['account_mode', 'Account Mode'],
	['code_verification_status', 'Code Verification Status'],
	['display_phone_number', 'Display Phone Number'],
	['id', 'ID'],
	['name_status', 'Name Status'],
	['platform_type', 'Platform Type'],
	['quality_rating', 'Quality Rating'],
	['throughput', 'Throughput'],
	['verified_name', 'Verified Name'],
].map(([value, name]) => ({ name, value }));

export const PHONE_NUMBER_FIELDS_OPTION = {
	displayName: 'Fields',
	name: 'fields',
	type: 'multiOptions' as const,
	default: [] as string[],
	description: "Which fields to return; leave empty for Graph's default set",
	options: PHONE_NUMBER_FIELD_OPTIONS,
	routing: {
		send: {
			type: 'query' as const,
			property: 'fields',
			// Not a list (an expression's text): nothing here, and the editor rules refuse it.
			value: '={{ Array.isArray($value) && $value.length ? $value.join(",") : undefined }}',
		},
	},
};
