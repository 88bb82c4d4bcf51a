import type {
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeRequestSend,
	PreSendAction,
} from 'n8n-workflow';

import { failedForGood, itemSettled } from '../transport/delivery';

const guardedHooks = new WeakSet<PreSendAction>();

/**
 * A preSend hook whose failure (a rule of the input, a failed upload or lookup) counts as the
 * item's final failure: without Continue On Fail the run then stops sending later items, as it
 * does after a failed request.
 */
export function guardPreSend(hook: PreSendAction): PreSendAction {
	if (guardedHooks.has(hook)) return hook;
	const guarded: PreSendAction = async function (this, requestOptions) {
		try {
			return await hook.call(this, requestOptions);
		} catch (error) {
			const final = await failedForGood(this, error);
			// The routing engine does not call the delivery loop for this item: it is done here.
			itemSettled(this);
			throw final;
		}
	};
	guardedHooks.add(guarded);
	return guarded;
}

export const isGuardedPreSend = (hook: PreSendAction): boolean => guardedHooks.has(hook);

function guardSend(send: INodeRequestSend | undefined): void {
	if (send?.preSend) send.preSend = send.preSend.map(guardPreSend);
}

type PropertyOption = INodePropertyOptions | INodeProperties | INodePropertyCollection;

/**
 * Wraps every preSend hook of a node description once, wherever the routing engine may find it:
 * a property's routing, an option's routing (operations), the options of a collection and the
 * values of a fixed collection.
 */
export function guardPreSendHooks(properties: INodeProperties[]): INodeProperties[] {
	for (const property of properties) {
		guardSend(property.routing?.send);
		for (const option of (property.options ?? []) as PropertyOption[]) {
			if ('values' in option) guardPreSendHooks(option.values);
			else if ('type' in option) guardPreSendHooks([option]);
			else guardSend(option.routing?.send);
		}
	}
	return properties;
}
