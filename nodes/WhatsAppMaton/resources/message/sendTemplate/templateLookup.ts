import type { IExecuteSingleFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { resolveBusinessAccount, type ResolvedAccount } from '../../../shared/account/account';
import { checkSegment } from '../../../shared/checks/urlSegments';
import { withDelivery } from '../../../transport/delivery';
import { matonRequest } from '../../../transport/gateway';
import { LOOKUP } from '../../../transport/requestSafety';
import type { TemplateDefinition } from './templateVariables';

export type TemplateLookup =
	| { found: true; definition: TemplateDefinition }
	| { found: false; reason: string };

/**
 * A template's definition (components, placeholders, examples) by name and language, read
 * through the gateway from the business account's message_templates edge. The account is the
 * node's, the credential's or the discovered one (resolveBusinessAccount), unless given.
 */
export async function lookUpTemplate(
	context: IExecuteSingleFunctions | ILoadOptionsFunctions,
	name: string,
	language: string,
	account?: ResolvedAccount,
): Promise<TemplateLookup> {
	const nameCheck = checkSegment('templateName', name);
	if (!nameCheck.ok) return { found: false, reason: `Template ${nameCheck.reason}` };
	const { businessAccountId, headers } = account ?? (await resolveBusinessAccount(context));
	const response = await matonRequest(
		context,
		'gateway',
		`/${encodeURIComponent(businessAccountId)}/message_templates`,
		{ name, fields: 'name,language,status,category,parameter_format,components', limit: 100 },
		headers,
	);
	const candidates = ((response.data as TemplateDefinition[] | undefined) ?? []).filter(
		(template) => template.name === name,
	);
	const definition = candidates.find((template) => template.language === language);
	if (definition) return { found: true, definition };
	const languages = candidates.map((template) => template.language).join(', ');
	return {
		found: false,
		reason: languages
			? `Template "${name}" has no "${language}" translation (it has ${languages})`
			: `Template "${name}" was not found in WhatsApp Business Account ${businessAccountId}`,
	};
}

/**
 * Items of one execution are sent at the same time and usually name the same template: they
 * share one lookup. Keyed by execution, so nothing outlives the run that asked (a few entries at
 * most, the oldest dropped first).
 */
const lookupsOfRecentExecutions = new Map<string, Promise<TemplateLookup>>();
const REMEMBERED_LOOKUPS = 20;

export async function lookUpTemplateForExecution(
	context: IExecuteSingleFunctions,
	name: string,
	language: string,
): Promise<TemplateLookup> {
	// Resolved first, outside the lookup's own delivery: discovery is a request of its own.
	const account = await resolveBusinessAccount(context);
	const key = JSON.stringify([context.getExecutionId(), account.businessAccountId, name, language]);
	let lookup = lookupsOfRecentExecutions.get(key);
	if (!lookup) {
		// Paced and retried like every request (a GET: safe to repeat); a failure leaves without the key.
		lookup = withDelivery(context, LOOKUP, async () => await lookUpTemplate(context, name, language, account));
		lookupsOfRecentExecutions.set(key, lookup);
		// A failed lookup is not kept: the next item may succeed.
		lookup.catch(() => lookupsOfRecentExecutions.delete(key));
		if (lookupsOfRecentExecutions.size > REMEMBERED_LOOKUPS) {
			const oldest = lookupsOfRecentExecutions.keys().next().value;
			if (oldest !== undefined) lookupsOfRecentExecutions.delete(oldest);
		}
	}
	return await lookup;
}
