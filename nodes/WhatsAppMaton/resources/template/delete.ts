import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { normaliseDeletion } from '../../shared/deletion';
import { inputError } from '../../shared/errors';
import { businessAccountIdField, showFor } from '../../shared/fields';

/**
 * preSend: the name says what to delete. Sent empty (an expression that found nothing), Graph
 * would be asked to delete `name=` instead of the node stopping with a clear message.
 */
async function requireTemplateName(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const qs = (requestOptions.qs ?? {}) as IDataObject;
	const name = String(qs.name ?? '').trim();
	if (name === '') {
		throw inputError(this, 'Template Name is empty', 'Give the name of the template to delete.');
	}
	requestOptions.qs = { ...qs, name };
	return requestOptions;
}

export const deleteOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a message template',
	description: 'Delete a message template by name, in every language or in one',
	routing: { request: { method: 'DELETE' }, output: { postReceive: [normaliseDeletion] } },
};

export const deleteFields: INodeProperties[] = [
	businessAccountIdField('template', ['delete'], '/message_templates'),
	{
		displayName: 'Template Name',
		name: 'templateName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. order_confirmation',
		description: 'Name of the template to delete; without a template ID every language of it goes',
		displayOptions: showFor('template', ['delete']),
		routing: { send: { type: 'query', property: 'name', preSend: [requireTemplateName] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: showFor('template', ['delete']),
		options: [
			{
				displayName: 'Template ID',
				name: 'templateId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1407680676729941',
				description: 'ID of one language version (hsm_id) to delete just that translation',
				// Added but left empty, the option must not send `hsm_id=`.
				routing: {
					send: { type: 'query', property: 'hsm_id', value: '={{ String($value ?? "").trim() || undefined }}' },
				},
			},
		],
	},
];
