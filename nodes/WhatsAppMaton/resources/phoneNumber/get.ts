import type { INodeProperties } from 'n8n-workflow';

import { requirePhoneNumberId } from '../../shared/fields/phoneNumberId';
import { gatewayOperation } from '../../transport/operation';
import { phoneNumberIdField, OPTIONS_DESCRIPTION, showFor } from '../../shared/fields/fields';
import { PHONE_NUMBER_FIELDS_OPTION } from './phoneNumberFields';

export const getOperation = gatewayOperation(
	{
		name: 'Get',
		value: 'get',
		action: 'Get a business phone number',
		description: 'Get a business phone number: display number, verified name, quality rating, throughput and status',
	},
	{ build: requirePhoneNumberId, request: { method: 'GET' } },
);

export const getFields: INodeProperties[] = [
	phoneNumberIdField('phoneNumber', ['get']),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		description: OPTIONS_DESCRIPTION,
		displayOptions: showFor('phoneNumber', ['get']),
		options: [PHONE_NUMBER_FIELDS_OPTION],
	},
];
