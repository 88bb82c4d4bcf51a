/**
 * The README's operations table, made from the node description itself so that the two cannot
 * drift apart. test/package/readme.test.ts fails when the README's copy is stale;
 * `UPDATE_README=1 npm test` rewrites it.
 */
import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { WhatsAppMaton } from '../nodes/WhatsAppMaton/WhatsAppMaton.node';

const isOption = (entry: INodePropertyOptions | INodeProperties | INodePropertyCollection): entry is INodePropertyOptions =>
	'value' in entry;

/**
 * Whether a field is shown for the resource and operation; `/resource` and `/operation` are the
 * conditions of a sub-option of a collection that several operations share.
 */
function shownFor(property: INodeProperties, resource: string, operation: string, nested = false): boolean {
	const show = property.displayOptions?.show;
	if (!show) return true;
	const prefix = nested ? '/' : '';
	const resources = show[`${prefix}resource`] as string[] | undefined;
	const operations = show[`${prefix}operation`] as string[] | undefined;
	return (!resources || resources.includes(resource)) && (!operations || operations.includes(operation));
}

/** `name` (Display Name), with the names inside collections: `options` (Options: `caption`, …). */
function describeField(property: INodeProperties, resource: string, operation: string): string {
	const required = property.required ? ' *' : '';
	let inner = '';
	if (property.type === 'collection' && property.options) {
		inner =
			': ' +
			(property.options as INodeProperties[])
				.filter((option) => shownFor(option, resource, operation, true))
				.map((option) => `\`${option.name}\``)
				.join(', ');
	} else if (property.type === 'fixedCollection' && property.options) {
		inner =
			': ' +
			(property.options as INodePropertyCollection[])
				.map((group) => `\`${group.name}\` [${group.values.map((value) => `\`${value.name}\``).join(', ')}]`)
				.join(', ');
	} else if (property.type === 'options' && property.options && property.name !== 'operation') {
		inner = ': ' + (property.options as INodePropertyOptions[]).map((option) => `\`${String(option.value)}\``).join(' \\| ');
	}
	return `\`${property.name}\`${required} (${property.displayName}${inner})`;
}

export function operationsTable(): string {
	const { properties } = new WhatsAppMaton().description;
	const resourceProperty = properties.find((property) => property.name === 'resource');
	const operations = (resourceProperty?.options ?? []).filter(isOption).flatMap((resource) => {
		const selector = properties.find(
			(property) =>
				property.name === 'operation' &&
				(property.displayOptions?.show?.resource as string[] | undefined)?.includes(String(resource.value)),
		);
		return (selector?.options ?? []).filter(isOption).map((operation) => ({ resource, operation }));
	});
	const fields = properties.filter((property) => !['resource', 'operation'].includes(property.name));
	// Fields every operation has are named once, above the table, not in each of its rows.
	const everywhere = fields.filter((property) =>
		operations.every(({ resource, operation }) => shownFor(property, String(resource.value), String(operation.value))),
	);
	const lines = [
		`Every operation also has ${everywhere.map((property) => describeField(property, '', '')).join(' and ')}.`,
		'',
		'| Resource (`resource`) | Operation (`operation`) | What it does | Fields (`name`, * = required) |',
		'| --- | --- | --- | --- |',
	];
	for (const { resource, operation } of operations) {
		const own = fields
			.filter((property) => !everywhere.includes(property))
			.filter((property) => shownFor(property, String(resource.value), String(operation.value)))
			.map((property) => describeField(property, String(resource.value), String(operation.value)));
		lines.push(
			`| ${resource.name} (\`${String(resource.value)}\`) | ${operation.name} (\`${String(operation.value)}\`) | ${operation.action ?? ''} | ${own.join('<br>')} |`,
		);
	}
	return lines.join('\n');
}
