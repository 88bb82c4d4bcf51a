/**
 * Each field defined once (issue 9): n8n's RoutingNode evaluates every top-level definition's
 * value for each item, displayed or not, so the description stays small, and what every
 * operation shows is exactly what its own file defines, in the same order (the order its requests
 * are built and its hooks run in).
 */
import { NodeHelpers } from 'n8n-workflow';
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { WhatsAppMaton } from '../../nodes/WhatsAppMaton/WhatsAppMaton.node';
import { analyticsDescription } from '../../nodes/WhatsAppMaton/resources/analytics';
import { blockedUserDescription } from '../../nodes/WhatsAppMaton/resources/blockedUser';
import { businessProfileDescription } from '../../nodes/WhatsAppMaton/resources/businessProfile';
import { connectionDescription } from '../../nodes/WhatsAppMaton/resources/connection';
import { mediaDescription } from '../../nodes/WhatsAppMaton/resources/media';
import { messageDescription } from '../../nodes/WhatsAppMaton/resources/message';
import { phoneNumberDescription } from '../../nodes/WhatsAppMaton/resources/phoneNumber';
import { qrCodeDescription } from '../../nodes/WhatsAppMaton/resources/qrCode';
import { templateDescription } from '../../nodes/WhatsAppMaton/resources/template';

const { properties } = new WhatsAppMaton().description;

/** Each operation's own definitions, as its resource's files give them. */
const ownDefinitions = [
	...analyticsDescription,
	...blockedUserDescription,
	...businessProfileDescription,
	...connectionDescription,
	...mediaDescription,
	...messageDescription,
	...phoneNumberDescription,
	...qrCodeDescription,
	...templateDescription,
].filter((property) => property.name !== 'operation');

const pairs = properties
	.filter((property) => property.name === 'operation')
	.flatMap((selector) =>
		((selector.options ?? []) as INodePropertyOptions[]).map((option) => ({
			resource: String((selector.displayOptions?.show?.resource as string[])[0]),
			operation: String(option.value),
		})),
	);

const shown = (field: INodeProperties, where: { resource: string; operation: string }) =>
	NodeHelpers.displayParameter(
		{ ...where, ...conditionsOf(field) },
		field,
		null,
		null,
		{ ...where, ...conditionsOf(field) },
	);

/** Any value each other condition accepts (Media Source "link", Return All false). */
function conditionsOf(field: INodeProperties): Record<string, string> {
	const show = field.displayOptions?.show ?? {};
	return Object.fromEntries(
		Object.entries(show)
			.filter(([key]) => !['resource', 'operation', '/resource', '/operation'].includes(key))
			.map(([key, values]) => [key.replace(/^\//, ''), (values as string[])[0]]),
	);
}

/** What a field is for one operation: itself without its place, and its sub-options shown there. */
function asShown(field: INodeProperties, where: { resource: string; operation: string }): unknown {
	const withoutPlace = (definition: INodeProperties) => {
		const show = { ...definition.displayOptions?.show };
		for (const key of ['resource', 'operation', '/resource', '/operation']) delete show[key];
		return { ...definition, displayOptions: Object.keys(show).length ? { show } : undefined };
	};
	const options =
		field.type === 'collection'
			? (field.options as INodeProperties[]).filter((option) => shown(option, where)).map(withoutPlace)
			: field.options;
	// Hooks by presence: the description's hooks are wrapped (guardPreSend) once it is built.
	return JSON.parse(
		JSON.stringify({ ...withoutPlace(field), options }, (_key, value: unknown) =>
			typeof value === 'function' ? 'hook' : value,
		),
	);
}

/**
 * Issue 9's bar is 60; 62 today (140 before). Still defined twice or more: Business Phone Number
 * ×2 and Options ×3 (a `show` listing Media would show them for Media › Get URL too), Media ID
 * and Input Binary Field ×2 (the messages' show on Media Source; a `hide` instead is read with
 * Media Source's default, also for the Media resource, and hides them there), List Button Text /
 * Button Text and Template Name ×2 (labels that errors quote, body against query), and the
 * template's Body Text (its own condition).
 * 67 since Send and Wait for Response: its Message, Response Type, Approval Options and Form Fields
 * (no other operation has them), and n8n's Request Options, which the node now declares itself (n8n's
 * loader adds them only to declarative nodes without a webhook; before, the loaded node had 63).
 * 77 with the product messages (Catalog ID, one for Send Product and Send Product List; Product
 * Retailer ID; the product list's required Header Text, its Sections and Sections (JSON)) and
 * Send Flow (its Flow, Button Text (routed to `flow_cta`, so not CTA URL's definition), Flow
 * Action, First Screen ID and Screen Data; body, header, footer and Options are shared). 78 with
 * Send Carousel's Cards (JSON). 84 with Analytics: its Operation, Start, End and Template IDs (no
 * other resource has them), and Granularity twice (messaging's HALF_HOUR / DAY / MONTH against
 * pricing's HALF_HOUR / DAILY / MONTHLY: Meta's own values differ). 87 with Blocked User: its
 * Operation, Users, and a third Business Phone Number definition (Blocked User › List cannot
 * share a `show` with Phone Number, whose List has no such field). 91 with the QR Code resource
 * (+4): its Operation selector, QR Code, Prefilled Message (one for Create and Update) and Image
 * Format; Business Phone Number joins Blocked User's definition, Return All, Limit and Options
 * are shared.
 */
const MAX_TOP_LEVEL_PROPERTIES = 91;

describe('the node description', () => {
	it(`has at most ${MAX_TOP_LEVEL_PROPERTIES} top-level properties`, () => {
		expect(properties.length).toBeLessThanOrEqual(MAX_TOP_LEVEL_PROPERTIES);
	});

	it.each(pairs)('defines no field twice for $resource › $operation', (where) => {
		const names = properties.filter((property) => shown(property, where)).map((property) => property.name);
		expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
	});

	it.each(pairs)('shows $resource › $operation its own fields, in their order', (where) => {
		const names = new Set(ownDefinitions.map((field) => field.name));
		const joined = properties.filter((field) => names.has(field.name) && shown(field, where));
		const own = ownDefinitions.filter((field) => shown(field, where));
		expect(joined.map((field) => asShown(field, where))).toEqual(own.map((field) => asShown(field, where)));
	});
});
