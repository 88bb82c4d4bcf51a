import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { requireBusinessAccountId } from '../../shared/fields/businessAccount';
import { normaliseDeletion } from '../../shared/fields/deletion';
import { businessAccountIdField, OPTIONS_DESCRIPTION, showFor } from '../../shared/fields/fields';
import { requireSegmentParameter } from '../../shared/checks/urlSegments';
import { TRIMMED_VALUE } from '../../shared/checks/required';
import { gatewayOperation } from '../../transport/operation';

const checkTemplateName = requireSegmentParameter('templateName', 'templateName', 'Template Name', {
	hint: 'Give the name of the template to delete.',
});
const checkTemplateId = requireSegmentParameter('templateId', 'options.templateId', 'Template ID', {
	optional: true,
	hint: 'The ID of one language version of the template, from Template › List.',
});

/** The build hook of Template › Delete: the account's path, the template's name and language. */
async function buildTemplateDeletion(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	await requireBusinessAccountId.call(this, requestOptions);
	await checkTemplateName.call(this, requestOptions);
	return await checkTemplateId.call(this, requestOptions);
}

export const deleteOperation = gatewayOperation(
	{
		name: 'Delete',
		value: 'delete',
		action: 'Delete a message template',
		description: 'Delete a message template by name, in every language or in one',
	},
	{
		request: { method: 'DELETE', url: '/message_templates' },
		build: buildTemplateDeletion,
		output: [normaliseDeletion],
	},
);

export const deleteFields: INodeProperties[] = [
	businessAccountIdField('template', ['delete']),
	{
		displayName: 'Template Name',
		name: 'templateName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. order_confirmation',
		description: 'Name of the template to delete; without a template ID every language of it goes',
		displayOptions: showFor('template', ['delete']),
		routing: {
			send: {
				type: 'query',
				property: 'name',
				value: TRIMMED_VALUE,
			},
		},
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		description: OPTIONS_DESCRIPTION,
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
					send: {
						type: 'query',
						property: 'hsm_id',
						value: '={{ String($value ?? "").trim() || undefined }}',
					},
				},
			},
		],
	},
];
