import { commonDeclarativeNodeOptionParameters } from 'n8n-core/dist/nodes-loader/constants';
import type { INodeProperties } from 'n8n-workflow';

import { WhatsAppMaton } from '../../nodes/WhatsAppMaton/WhatsAppMaton.node';

/** What a saved workflow depends on: names, types, defaults and limits, not the wording. */
function shape(property: INodeProperties | { name: string; values?: INodeProperties[] }): unknown {
	if (!('type' in property)) return { name: property.name, values: (property.values ?? []).map(shape) };
	return {
		name: property.name,
		type: property.type,
		default: property.default,
		typeOptions: property.typeOptions,
		isNodeSetting: property.isNodeSetting,
		options: (property.options ?? []).map((option) => shape(option as INodeProperties)),
	};
}

describe("the node's own Request Options", () => {
	const field = new WhatsAppMaton().description.properties.find((property) => property.name === 'requestOptions');

	it("are n8n-core's, so saved batching, proxy and timeout settings keep working", () => {
		expect(field).toBeDefined();
		expect(shape(field as INodeProperties)).toEqual(shape(commonDeclarativeNodeOptionParameters));
	});

	it("are declared because n8n's loader no longer adds them to a node with a webhook", () => {
		expect(typeof new WhatsAppMaton().webhook).toBe('function');
	});
});

describe("the node's waiting webhook", () => {
	it("is declared as n8n's own send-and-wait nodes declare theirs", () => {
		const { webhooks } = new WhatsAppMaton().description;
		// responseData '' makes n8n answer with what webhook() returns (unset, it answers the text
		// "firstEntryJson", which the trigger would not recognise as "resumed").
		expect(webhooks).toEqual(
			['GET', 'POST'].map((httpMethod) => ({
				name: 'default',
				httpMethod,
				responseMode: 'onReceived',
				responseData: '',
				path: '={{ $nodeId }}',
				restartWebhook: true,
				isFullPath: true,
			})),
		);
	});
});
