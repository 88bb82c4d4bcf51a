'use strict';
/**
 * End-to-end cases of `npm run test:e2e` (scripts/n8n/e2e.js): each example workflow of
 * examples/ is run by the pinned n8n (`n8n execute --id`), and the case asserts on n8n's output
 * and on what the sandbox received. The sandbox is reset before each case.
 *
 * A case: { name, workflowId, check(context) } where context is
 *   { run: { code, output, stdout, stderr, ms }, items(nodeName) → json of the node's output items,
 *     requests → the sandbox's request log for this case, sandbox, example (the workflow JSON) }.
 */
const assert = require('node:assert/strict');
const crypto = require('node:crypto');

const { SEED_IDS } = require('../sandbox/server');

const VERSION = 'v25.0';
const GRAPH = `/whatsapp-business/${VERSION}`;
const MESSAGES = `${GRAPH}/${SEED_IDS.phoneNumberId}/messages`;
const TO = '15551234567';

/** A gateway request as the node must send it: the key, JSON, no Maton-Connection header (none set). */
function expectGatewayRequest(request, { method, path }) {
	assert.ok(request, `expected a ${method} ${path}`);
	assert.equal(request.api, 'gateway');
	assert.equal(request.method, method);
	assert.equal(request.path, path);
	assert.equal(request.status, 200, `${method} ${path} answered ${request.status}`);
	assert.equal(request.headers.authorization, 'Bearer ***', 'Authorization: Bearer <key> (masked in the log)');
	assert.equal(request.headers.accept, 'application/json');
	assert.equal(request.headers['maton-connection'], undefined, 'no Maton-Connection header when neither the node nor the credential names one');
	assert.equal(request.connectionId, SEED_IDS.connectionId, 'ran on the seeded (oldest active) connection');
	if (method === 'POST' && !request.headers['content-type']?.startsWith('multipart/')) {
		assert.match(String(request.headers['content-type']), /^application\/json/);
	}
}

/** A message the sandbox accepted, as n8n outputs it. */
function expectSent(item) {
	assert.ok(item, 'the node output an item');
	assert.equal(item.messaging_product, 'whatsapp');
	assert.deepEqual(item.contacts, [{ input: TO, wa_id: TO }]);
	assert.match(item.messages?.[0]?.id ?? '', /^wamid\./);
}

const message = (type, body) => ({ messaging_product: 'whatsapp', recipient_type: 'individual', to: TO, type, [type]: body });

module.exports = [
	{
		name: '01-send-text: a text message',
		workflowId: 'matonExample0001',
		check({ items, requests }) {
			assert.equal(requests.length, 1, 'one request');
			expectGatewayRequest(requests[0], { method: 'POST', path: MESSAGES });
			assert.deepEqual(
				requests[0].body,
				message('text', { body: 'Hello from n8n! Your order has shipped: https://shop.example.com/track/A10245', preview_url: true }),
			);
			const out = items('Send Text');
			assert.equal(out.length, 1);
			expectSent(out[0]);
		},
	},
	{
		name: '02-send-template: order_shipped with mapped parameters',
		workflowId: 'matonExample0002',
		check({ items, requests }) {
			assert.equal(requests.length, 2, 'the template lookup, then the message');
			const [lookup, send] = requests;
			expectGatewayRequest(lookup, { method: 'GET', path: `${GRAPH}/${SEED_IDS.businessAccountId}/message_templates` });
			assert.equal(lookup.query.name, 'order_shipped');
			expectGatewayRequest(send, { method: 'POST', path: MESSAGES });
			assert.deepEqual(
				send.body,
				message('template', {
					name: 'order_shipped',
					language: { code: 'en_US' },
					components: [
						{ type: 'header', parameters: [{ type: 'image', image: { id: SEED_IDS.mediaId } }] },
						{
							type: 'body',
							parameters: [
								{ type: 'text', text: 'Anna' },
								{ type: 'text', text: '10245' },
							],
						},
						{ type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'A10245' }] },
					],
				}),
			);
			const out = items('Send Template');
			assert.equal(out.length, 1);
			expectSent(out[0]);
			assert.equal(out[0].messages[0].message_status, 'accepted');
		},
	},
	{
		name: '03-send-image-from-binary: upload, then send by media ID',
		workflowId: 'matonExample0003',
		check({ items, requests, sandbox, example }) {
			const base64 = example.nodes.find((node) => node.name === 'Make PNG').parameters.assignments.assignments[0].value;
			const png = Buffer.from(base64, 'base64');
			assert.equal(requests.length, 2, 'the upload, then the message');
			const [upload, send] = requests;
			expectGatewayRequest(upload, { method: 'POST', path: `${GRAPH}/${SEED_IDS.phoneNumberId}/media` });
			assert.match(String(upload.headers['content-type']), /^multipart\/form-data; boundary=/);
			assert.deepEqual(upload.body.fields, { messaging_product: 'whatsapp', type: 'image/png' });
			assert.deepEqual(upload.body.files, [
				{ field: 'file', filename: 'green-square.png', contentType: 'image/png', size: png.length, sha256: crypto.createHash('sha256').update(png).digest('hex') },
			]);
			const out = items('Send Image');
			assert.equal(out.length, 1);
			expectSent(out[0]);
			const mediaId = out[0].uploadedMedia?.id;
			assert.ok(mediaId, 'the output carries uploadedMedia.id');
			assert.ok(sandbox.state.media.get(mediaId)?.buffer.equals(png), 'the sandbox holds the same bytes');
			expectGatewayRequest(send, { method: 'POST', path: MESSAGES });
			assert.deepEqual(send.body, message('image', { id: mediaId, caption: 'A green square, sent from a binary file' }));
		},
	},
	{
		name: '04-send-list-and-reply-buttons: two interactive messages',
		workflowId: 'matonExample0004',
		check({ items, requests }) {
			assert.equal(requests.length, 2);
			for (const request of requests) expectGatewayRequest(request, { method: 'POST', path: MESSAGES });
			assert.deepEqual(
				requests[0].body,
				message('interactive', {
					type: 'list',
					header: { type: 'text', text: 'Menu' },
					body: { text: 'What would you like to order?' },
					footer: { text: 'Delivery in 30 minutes' },
					action: {
						button: 'View menu',
						sections: [
							{
								title: 'Pizzas',
								rows: [
									{ id: 'margherita', title: 'Margherita', description: 'Tomato, mozzarella, basil' },
									{ id: 'funghi', title: 'Funghi', description: 'Mushrooms' },
								],
							},
							{ title: 'Drinks', rows: [{ id: 'lemonade', title: 'Lemonade' }] },
						],
					},
				}),
			);
			assert.deepEqual(
				requests[1].body,
				message('interactive', {
					type: 'button',
					header: { type: 'text', text: 'Appointment reminder' },
					body: { text: 'Your appointment is tomorrow at 10:00. Can you make it?' },
					footer: { text: 'Reply STOP to opt out' },
					action: {
						buttons: [
							{ type: 'reply', reply: { id: 'confirm', title: 'Confirm' } },
							{ type: 'reply', reply: { id: 'reschedule', title: 'Reschedule' } },
							{ type: 'reply', reply: { id: 'cancel', title: 'Cancel' } },
						],
					},
				}),
			);
			for (const node of ['Send List', 'Send Reply Buttons']) {
				const out = items(node);
				assert.equal(out.length, 1, `${node} output one item`);
				expectSent(out[0]);
			}
		},
	},
	{
		name: '05-list-approved-templates: every page of APPROVED templates',
		workflowId: 'matonExample0005',
		check({ items, requests, sandbox }) {
			const approved = sandbox.state.templates
				.filter((template) => template.businessAccountId === SEED_IDS.businessAccountId && template.data.status === 'APPROVED')
				.map((template) => template.data);
			const pages = Math.ceil(approved.length / 100);
			assert.ok(pages >= 2, 'the seed has more than one page of approved templates');
			assert.equal(requests.length, pages, `${pages} pages of 100`);
			requests.forEach((request, index) => {
				expectGatewayRequest(request, { method: 'GET', path: `${GRAPH}/${SEED_IDS.businessAccountId}/message_templates` });
				assert.equal(request.query.status, 'APPROVED');
				assert.equal(request.query.limit, '100');
				assert.equal(index === 0 ? request.query.after : typeof request.query.after, index === 0 ? undefined : 'string');
			});
			const out = items('List Templates');
			assert.equal(out.length, approved.length, 'one item per approved template');
			assert.deepEqual(out.map((template) => template.id).sort(), approved.map((template) => template.id).sort());
			assert.ok(out.every((template) => template.status === 'APPROVED'));
		},
	},
	{
		name: '06-create-connection: a PENDING connection and its URL, which authorises it',
		workflowId: 'matonExample0006',
		async check({ items, requests, sandbox }) {
			assert.equal(requests.length, 1);
			const [create] = requests;
			assert.equal(create.api, 'control');
			assert.equal(create.method, 'POST');
			assert.equal(create.path, '/connections');
			assert.equal(create.status, 200);
			assert.equal(create.headers.authorization, 'Bearer ***');
			assert.equal(create.headers['maton-connection'], undefined);
			assert.deepEqual(create.body, { app: 'whatsapp-business' });
			const [created] = items('Create Connection');
			assert.equal(created.status, 'PENDING');
			const [printed] = items('URL to Authorise');
			assert.equal(printed.connectionId, created.connection_id);
			assert.equal(printed.authoriseUrl, `${sandbox.url}/connect/${created.connection_id}`);
			assert.equal(printed.message, `Open ${printed.authoriseUrl} in a browser to authorise the connection with Meta.`);
			assert.equal(sandbox.state.connections.get(created.connection_id)?.status, 'PENDING');
			const page = await fetch(printed.authoriseUrl);
			assert.equal(page.status, 200, 'the URL opens');
			assert.equal(sandbox.state.connections.get(created.connection_id)?.status, 'ACTIVE', 'opening it authorises the connection');
		},
	},
	{
		name: '11-re-engage-outside-window: the text is refused with 131047, the template goes, the item says so',
		workflowId: 'matonExample0011',
		check({ items, requests }) {
			const outside = '15550000047';
			assert.equal(requests.length, 2, 'the text, then the template');
			const [text, template] = requests;
			assert.equal(text.path, MESSAGES);
			assert.equal(text.status, 400, 'the sandbox refuses the text outside the window');
			assert.equal(text.body.type, 'text');
			assert.equal(text.body.to, outside);
			expectGatewayRequest(template, { method: 'POST', path: MESSAGES });
			assert.deepEqual(template.body, {
				messaging_product: 'whatsapp',
				recipient_type: 'individual',
				to: outside,
				type: 'template',
				template: {
					name: 'appointment_reminder',
					language: { code: 'en_US' },
					components: [
						{
							type: 'body',
							parameters: [
								{ type: 'text', parameter_name: 'customer_name', text: 'Anna' },
								{ type: 'text', parameter_name: 'appointment_date', text: 'tomorrow at 10:00' },
							],
						},
					],
				},
			});
			const out = items('Send Text or Template');
			assert.equal(out.length, 1);
			assert.equal(out[0].sentAs, 'template');
			assert.match(out[0].messages?.[0]?.id ?? '', /^wamid\./);
		},
	},
	{
		name: '14-send-flow: a flow message that opens a flow by name on its first screen',
		workflowId: 'matonExample0014',
		check({ items, requests }) {
			assert.equal(requests.length, 1);
			const [send] = requests;
			expectGatewayRequest(send, { method: 'POST', path: MESSAGES });
			assert.deepEqual(
				send.body,
				message('interactive', {
					type: 'flow',
					header: { type: 'text', text: 'Appointments' },
					body: { text: 'Book your next appointment in a few taps.' },
					footer: { text: 'Takes under a minute' },
					action: {
						name: 'flow',
						parameters: {
							flow_message_version: '3',
							flow_token: 'booking-A10245',
							flow_name: 'appointment_booking',
							flow_cta: 'Book now',
							mode: 'published',
							flow_action: 'navigate',
							flow_action_payload: { screen: 'BOOKING', data: { customer_name: 'Jane' } },
						},
					},
				}),
			);
			expectSent(items('Send Flow')[0]);
		},
	},
	{
		name: '15-weekly-analytics: last week per day, messages and cost by category, one item per data point',
		workflowId: 'matonExample0015',
		check({ items, requests }) {
			assert.equal(requests.length, 2, 'one request per node');
			for (const request of requests) {
				expectGatewayRequest(request, { method: 'GET', path: `${GRAPH}/${SEED_IDS.businessAccountId}` });
			}
			const fields = requests.map((request) => String(request.query.fields)).sort();
			assert.match(fields[0], /^analytics\.start\(\d+\)\.end\(\d+\)\.granularity\(DAY\)$/);
			assert.match(fields[1], /^pricing_analytics\.start\(\d+\)\.end\(\d+\)\.granularity\(DAILY\)\.dimensions\(\["PRICING_CATEGORY"\]\)$/);
			// Seven days in the workflow's time zone: seven or eight UTC days in the sandbox's buckets.
			const messages = items('Messages per Day');
			assert.ok(messages.length >= 7 && messages.length <= 8, `${messages.length} days`);
			assert.ok(messages.every((point) => typeof point.sent === 'number' && typeof point.start_time === 'string'));
			const costs = items('Cost per Day and Category');
			assert.equal(costs.length, messages.length * 3, 'three pricing categories a day');
			assert.ok(costs.every((point) => typeof point.volume === 'number' && typeof point.cost === 'number' && point.pricing_category));
		},
	},
];
