/**
 * The Maton API key never shows in what a failed run leaves behind: output items (json and
 * error), the run's error, the stored execution data, nor a credential test's result, whatever
 * failed: Graph echoing the Authorization header, a 401, a 500, a network reset, a bad input.
 *
 * Error texts are not asserted here (error handling is being reworked): only that the key is absent.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { MatonApi } from '../../credentials/MatonApi.credentials';
import { WhatsAppMaton } from '../../nodes/WhatsAppMaton/WhatsAppMaton.node';
import {
	CONTROL_ORIGIN,
	GATEWAY_ORIGIN,
	type FakeApi,
	fakeApi,
	matonCredentials,
	phoneNumberById,
	runWhatsApp,
} from '../fixture';
import { runCredentialTest } from '../harness';
import { itemWithFile } from '../media/multipart';
import { useVirtualClock } from '../virtualClock';
import { asJson, errorSurfaces, leaksOf, runSurfaces } from './secretScan';

// Backoff and rate-limit waits pass on the virtual clock: the scan does not wait them out.
useVirtualClock();

const SECRET = 'sk-maton-SECRET-1234';
const credentials = matonCredentials({ apiKey: SECRET });

/** Enough answers for every attempt of a retrying node, on both runs of a test. */
const ATTEMPTS = 12;

/** Graph's error body, echoing the request's Authorization header in every text field it has. */
const graphEcho = {
	error: {
		message: `(#190) Invalid OAuth access token in header "Authorization: Bearer ${SECRET}"`,
		type: 'OAuthException',
		code: 190,
		error_subcode: 463,
		error_data: { details: `Authorization: Bearer ${SECRET} was rejected` },
		error_user_msg: `Your key ${SECRET} is not valid`,
		fbtrace_id: 'A1b2C3d4',
	},
};

interface Failure {
	/** Queues one failed answer on a fake API. */
	answer: (api: FakeApi) => void;
}

const failures: Record<string, Failure> = {
	'Graph 400 whose body echoes the Authorization header': {
		answer: (api) => api.reply(400, graphEcho),
	},
	'401 from the gateway (JSON)': {
		answer: (api) => api.reply(401, { error: 'Invalid API key' }),
	},
	'401 from the gateway (plain text echoing the header)': {
		answer: (api) =>
			api.reply(401, `Unauthorized: Authorization: Bearer ${SECRET}`, { 'content-type': 'text/plain' }),
	},
	'500 from the gateway': {
		answer: (api) => api.reply(500, { error: { message: 'Internal Server Error', code: 2 } }),
	},
	'network reset (ECONNRESET)': {
		answer: (api) => api.failWith('ECONNRESET'),
	},
};

/** Reading the template's definition goes through the gateway too: its answer is what fails. */
const sendTemplateMapped: INodeParameters = {
	resource: 'message',
	operation: 'sendTemplate',
	phoneNumberId: phoneNumberById(),
	recipientPhoneNumber: '15551234567',
	template: { __rl: true, mode: 'list', value: 'order_shipped' },
	languageCode: 'en_US',
	templateVariables: {
		mappingMode: 'defineBelow',
		value: { body_1: 'Jane' },
		matchingColumns: [],
		schema: [],
		attemptToConvertTypes: false,
		convertFieldsToString: false,
	},
};

interface Operation {
	parameters: INodeParameters;
	input?: () => INodeExecutionData[];
}

/** One operation per way the node sends: routing, an upload in a hook, a lookup, paging, control API. */
const operations: Record<string, Operation> = {
	'Message › Send Text': {
		parameters: {
			resource: 'message',
			operation: 'sendText',
			phoneNumberId: phoneNumberById(),
			recipientPhoneNumber: '15551234567',
			text: 'Hello!',
		},
	},
	'Message › Send Image from a binary field (upload first)': {
		parameters: {
			resource: 'message',
			operation: 'sendImage',
			phoneNumberId: phoneNumberById(),
			recipientPhoneNumber: '15551234567',
			mediaSource: 'binary',
		},
		input: () => itemWithFile(Buffer.from('fake png bytes'), { mimeType: 'image/png', fileName: 'photo.png' }),
	},
	'Message › Send Template by its variables (definition read)': { parameters: sendTemplateMapped },
	'Template › List, Return All': {
		parameters: { resource: 'template', operation: 'list', returnAll: true },
	},
	'Connection › Get (control API)': {
		parameters: {
			resource: 'connection',
			operation: 'get',
			connectionId: { __rl: true, mode: 'id', value: '21fd90f9-5935-43cd-b6c8-bde9d915ca80' },
		},
	},
};

const runs: Array<[string, boolean]> = [
	['stopping on error', false],
	['with Continue On Fail', true],
];

/** Every (failure, operation, continue-on-fail) combination, flattened for it.each. */
const combinations = Object.keys(failures).flatMap((failure) =>
	Object.keys(operations).flatMap((operation) =>
		runs.map(([mode, continueOnFail]) => [failure, operation, mode, continueOnFail] as const),
	),
);

describe('the scanner', () => {
	it('finds a key hidden in an error cause, a non-enumerable property or a Buffer', () => {
		const hidden = new Error('request failed', {
			cause: { config: { headers: { Authorization: `Bearer ${SECRET}` } } },
		});
		expect(leaksOf(errorSurfaces('e', hidden), SECRET)).toContain('e.cause');
		const nonEnumerable = new Error('x');
		Object.defineProperty(nonEnumerable, 'request', { value: { header: Buffer.from(SECRET) }, enumerable: false });
		expect(leaksOf(errorSurfaces('e', nonEnumerable), SECRET)).toEqual(['e, all own properties deep']);
	});
});

describe('the API key is absent from every output item and error', () => {
	const check = async (failure: string, operation: string, _mode: string, continueOnFail: boolean) => {
		const gateway = fakeApi(GATEWAY_ORIGIN);
		const control = fakeApi(CONTROL_ORIGIN);
		for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
			failures[failure].answer(gateway);
			failures[failure].answer(control);
		}
		const { parameters, input } = operations[operation];

		const result = await runWhatsApp(parameters, { credentials, input: input?.(), continueOnFail });

		// The run failed...
		if (continueOnFail) {
			expect(result.error).toBeUndefined();
			expect(result.items.length).toBeGreaterThan(0);
			expect(result.items.every((item) => item.error !== undefined)).toBe(true);
		} else {
			expect(result.error).toBeDefined();
		}
		// ...after sending the key (so its absence below means something)...
		const sent = [...gateway.requests, ...control.requests];
		expect(sent.length).toBeGreaterThan(0);
		expect(sent.every((request) => request.headers.authorization === `Bearer ${SECRET}`)).toBe(true);
		// ...and the key is nowhere in what it left.
		expect(leaksOf(runSurfaces(result), SECRET)).toEqual([]);
	};
	it.each(combinations)('%s, %s, %s', check, 60_000);

	it.each(runs)('a bad input refused before sending, %s', async (_mode, continueOnFail) => {
		const gateway = fakeApi(GATEWAY_ORIGIN);
		const control = fakeApi(CONTROL_ORIGIN);
		const result = await runWhatsApp(
			{ ...operations['Message › Send Text'].parameters, recipientPhoneNumber: '00 44 7700 900123' },
			{ credentials, continueOnFail },
		);
		if (continueOnFail) expect(result.items[0]?.error).toBeDefined();
		else expect(result.error).toBeDefined();
		expect([...gateway.requests, ...control.requests]).toEqual([]);
		expect(leaksOf(runSurfaces(result), SECRET)).toEqual([]);
	});

	it.each(runs)('a file refused before the upload, %s', async (_mode, continueOnFail) => {
		const gateway = fakeApi(GATEWAY_ORIGIN);
		const result = await runWhatsApp(operations['Message › Send Image from a binary field (upload first)'].parameters, {
			credentials,
			continueOnFail,
			input: itemWithFile(Buffer.from('%PDF-1.4'), { mimeType: 'application/pdf', fileName: 'a.pdf' }),
		});
		if (continueOnFail) expect(result.items[0]?.error).toBeDefined();
		else expect(result.error).toBeDefined();
		expect(gateway.requests).toEqual([]);
		expect(leaksOf(runSurfaces(result), SECRET)).toEqual([]);
	});
});

describe('the API key is absent from a failed credential test', () => {
	it.each(Object.keys(failures))(
		'%s',
		async (failure) => {
			const control = fakeApi(CONTROL_ORIGIN);
			for (let attempt = 0; attempt < ATTEMPTS; attempt++) failures[failure].answer(control);

			const result = await runCredentialTest(new MatonApi(), credentials, { nodeTypes: [new WhatsAppMaton()] });

			expect(result.status).toBe('Error');
			expect(control.requests.length).toBeGreaterThan(0);
			expect(control.requests[0].headers.authorization).toBe(`Bearer ${SECRET}`);
			expect(leaksOf({ 'credential test result': asJson(result) }, SECRET)).toEqual([]);
		},
		60_000,
	);
});
