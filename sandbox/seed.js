'use strict';
/**
 * The sandbox's seed: one WhatsApp Business Account with three phone numbers, their business
 * profiles, one ACTIVE Maton connection, an uploaded image and a set of templates big enough to
 * page through. The ids are those of the package's unit-test fixtures (test/fixture.ts), so the
 * same values work against nock and against the sandbox.
 */
const crypto = require('node:crypto');

/** Ids that exist right after start (and after `POST /__sandbox/reset`). */
const SEED_IDS = Object.freeze({
	phoneNumberId: '106540352242922',
	businessAccountId: '102290129340398',
	connectionId: '21fd90f9-5935-43cd-b6c8-bde9d915ca80',
	mediaId: '1037543291543636',
	/** The other two phone numbers of the business account. */
	otherPhoneNumberIds: Object.freeze(['106540352242923', '106540352242924']),
	/** The Meta business (portfolio) that owns the business account. */
	businessId: '1148792203620417',
	/** The ecommerce catalog connected to the business account (product messages). */
	catalogId: '1488520338603416',
});

/** The products (retailer IDs, Commerce Manager's "Content ID") of the seeded catalog. */
const CATALOG_PRODUCTS = Object.freeze(['pizza-margherita', 'pizza-marinara', 'pizza-diavola', 'drink-lemonade', 'drink-water', 'dessert-tiramisu']);

/**
 * Recipients (`to`, digits only) that make a send fail the way Graph does, for testing error paths.
 * The last digits are the error code.
 */
const MAGIC_RECIPIENTS = Object.freeze({
	'15550000026': 131026, // undeliverable
	'15550000030': 131030, // not in the test number's allowed list
	'15550000047': 131047, // outside the 24-hour window (templates still go through; cannot be blocked)
	'15550000056': 131056, // pair rate limit
});

/** How many generated templates (`sandbox_template_001`…) are seeded besides the named ones. */
const DEFAULT_EXTRA_TEMPLATES = 120;

const BUSINESS_ACCOUNT = {
	id: SEED_IDS.businessAccountId,
	name: 'Sandbox Business',
	currency: 'USD',
	timezone_id: '1',
	message_template_namespace: 'sandbox_9f1c2b7e_4d6a_4c1e_8b3f_0a5d2e7c9b11',
};

/**
 * The Meta business portfolio behind the connection's token: what `GET /me?fields=businesses{…}`
 * finds (account discovery). It owns the one business account and has no client accounts.
 */
const BUSINESS = {
	id: SEED_IDS.businessId,
	name: 'Sandbox Holdings',
	ownedBusinessAccountIds: [SEED_IDS.businessAccountId],
	clientBusinessAccountIds: [],
};

/** The user the connection's OAuth token belongs to (`GET /me`). */
const TOKEN_USER = { id: '10229837465019283', name: 'Sandbox Owner' };

const PHONE_NUMBERS = [
	{
		id: SEED_IDS.phoneNumberId,
		display_phone_number: '+1 555-010-0001',
		verified_name: 'Sandbox Shop',
		quality_rating: 'GREEN',
		code_verification_status: 'VERIFIED',
		name_status: 'APPROVED',
		platform_type: 'CLOUD_API',
		throughput: { level: 'STANDARD' },
		account_mode: 'LIVE',
		messaging_limit_tier: 'TIER_1K',
		status: 'CONNECTED',
		is_official_business_account: false,
		last_onboarded_time: '2025-11-03T09:12:44+0000',
	},
	{
		id: SEED_IDS.otherPhoneNumberIds[0],
		display_phone_number: '+1 555-010-0002',
		verified_name: 'Sandbox Support',
		quality_rating: 'YELLOW',
		code_verification_status: 'VERIFIED',
		name_status: 'APPROVED',
		platform_type: 'CLOUD_API',
		throughput: { level: 'STANDARD' },
		account_mode: 'LIVE',
		messaging_limit_tier: 'TIER_250',
		status: 'CONNECTED',
		is_official_business_account: false,
		last_onboarded_time: '2025-12-14T16:40:02+0000',
	},
	{
		id: SEED_IDS.otherPhoneNumberIds[1],
		display_phone_number: '+44 7700 900003',
		verified_name: 'Sandbox UK',
		quality_rating: 'UNKNOWN',
		code_verification_status: 'NOT_VERIFIED',
		name_status: 'PENDING_REVIEW',
		platform_type: 'CLOUD_API',
		throughput: { level: 'STANDARD' },
		account_mode: 'SANDBOX',
		messaging_limit_tier: 'TIER_50',
		status: 'PENDING',
		is_official_business_account: false,
		last_onboarded_time: '2026-01-20T08:05:31+0000',
	},
];

const profileFor = (phone) => ({
	about: `Hello from ${phone.verified_name}`,
	address: '1 Sandbox Street, Springfield',
	description: 'A stand-in business for local tests of the WhatsApp (Maton) n8n node.',
	email: 'hello@sandbox.example',
	profile_picture_url: `https://pps.whatsapp.net/v/sandbox/${phone.id}.jpg`,
	websites: ['https://sandbox.example'],
	vertical: 'RETAIL',
});

/** The named templates: the ones the README and tests talk about. */
function namedTemplates() {
	return [
		{
			name: 'hello_world',
			language: 'en_US',
			status: 'APPROVED',
			category: 'UTILITY',
			parameter_format: 'POSITIONAL',
			components: [
				{ type: 'HEADER', format: 'TEXT', text: 'Hello World' },
				{
					type: 'BODY',
					text: 'Welcome and congratulations!! This message demonstrates your ability to send a WhatsApp message notification from the Cloud API, hosted by Meta. Thank you for taking the time to test with us.',
				},
				{ type: 'FOOTER', text: 'WhatsApp Business Platform sample message' },
			],
		},
		{
			name: 'order_shipped',
			language: 'en_US',
			status: 'APPROVED',
			category: 'UTILITY',
			parameter_format: 'POSITIONAL',
			components: [
				{
					type: 'HEADER',
					format: 'IMAGE',
					example: { header_handle: ['https://scontent.whatsapp.net/v/sandbox/order_shipped_header.jpg'] },
				},
				{
					type: 'BODY',
					text: 'Hi {{1}}, your order #{{2}} is on its way!',
					example: { body_text: [['Anna', '10245']] },
				},
				{ type: 'FOOTER', text: 'Sandbox Shop' },
				{
					type: 'BUTTONS',
					buttons: [
						{
							type: 'URL',
							text: 'Track order',
							url: 'https://shop.example.com/track/{{1}}',
							example: ['https://shop.example.com/track/10245'],
						},
					],
				},
			],
		},
		{
			name: 'appointment_reminder',
			language: 'en_US',
			status: 'APPROVED',
			category: 'UTILITY',
			parameter_format: 'NAMED',
			components: [
				{ type: 'HEADER', format: 'TEXT', text: 'Appointment reminder' },
				{
					type: 'BODY',
					text: 'Hello {{customer_name}}, this is a reminder of your appointment on {{appointment_date}}. Reply to this message to reschedule.',
					example: {
						body_text_named_params: [
							{ param_name: 'customer_name', example: 'Anna' },
							{ param_name: 'appointment_date', example: 'May 5, 10:30' },
						],
					},
				},
				{
					type: 'BUTTONS',
					buttons: [
						{ type: 'QUICK_REPLY', text: 'Confirm' },
						{ type: 'QUICK_REPLY', text: 'Reschedule' },
					],
				},
			],
		},
		...['en_US', 'es'].map((language) => ({
			name: 'welcome_offer',
			language,
			status: 'APPROVED',
			category: 'MARKETING',
			parameter_format: 'POSITIONAL',
			components: [
				{ type: 'HEADER', format: 'TEXT', text: language === 'es' ? 'Hola {{1}}' : 'Hi {{1}}', example: { header_text: ['Anna'] } },
				{
					type: 'BODY',
					text:
						language === 'es'
							? 'Bienvenido a Sandbox Shop. Tu cupón de {{1}} te espera.'
							: 'Welcome to Sandbox Shop. Your {{1}} coupon is waiting.',
					example: { body_text: [['10%']] },
				},
				{
					type: 'BUTTONS',
					buttons: [
						{ type: 'COPY_CODE', example: 'WELCOME10' },
						{ type: 'QUICK_REPLY', text: language === 'es' ? 'No me interesa' : 'Not interested' },
					],
				},
			],
		})),
		{
			name: 'verification_code',
			language: 'en_US',
			status: 'APPROVED',
			category: 'AUTHENTICATION',
			parameter_format: 'POSITIONAL',
			components: [
				{ type: 'BODY', text: '*{{1}}* is your verification code.', add_security_recommendation: true, example: { body_text: [['123456']] } },
				{ type: 'FOOTER', text: 'This code expires in 10 minutes.', code_expiration_minutes: 10 },
				{ type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE', text: 'Copy code' }] },
			],
		},
		{
			name: 'spring_collection',
			language: 'en_US',
			status: 'APPROVED',
			category: 'MARKETING',
			parameter_format: 'POSITIONAL',
			components: [
				{ type: 'BODY', text: 'Hi {{1}}, our spring collection is here:', example: { body_text: [['Anna']] } },
				{
					type: 'CAROUSEL',
					cards: ['Blue Echeveria', 'Jade Plant'].map((plant) => ({
						components: [
							{ type: 'HEADER', format: 'IMAGE', example: { header_handle: ['4::aW1hZ2U='] } },
							{ type: 'BODY', text: `${plant}, now {{1}}`, example: { body_text: [['$12']] } },
							{
								type: 'BUTTONS',
								buttons: [
									{ type: 'QUICK_REPLY', text: 'Tell me more' },
									{ type: 'URL', text: 'Buy', url: 'https://shop.example.com/p/{{1}}', example: ['echeveria'] },
								],
							},
						],
					})),
				},
			],
		},
		{
			name: 'seasonal_promo',
			language: 'en_US',
			status: 'PAUSED',
			category: 'MARKETING',
			parameter_format: 'POSITIONAL',
			components: [{ type: 'BODY', text: 'Our seasonal sale is on: everything 20% off this week.' }],
		},
		{
			name: 'legacy_notice',
			language: 'en_US',
			status: 'DISABLED',
			category: 'UTILITY',
			parameter_format: 'POSITIONAL',
			components: [{ type: 'BODY', text: 'This service is moving to a new number.' }],
		},
	];
}

const FILLER_LANGUAGES = ['en_US', 'es', 'pt_BR', 'de', 'fr', 'it'];

/** Generated templates for paging: mostly APPROVED, every 10th PENDING, every 15th REJECTED. */
function fillerTemplate(index) {
	const number = String(index).padStart(3, '0');
	const status = index % 15 === 0 ? 'REJECTED' : index % 10 === 0 ? 'PENDING' : 'APPROVED';
	const withParameter = index % 3 === 0;
	return {
		name: `sandbox_template_${number}`,
		language: FILLER_LANGUAGES[index % FILLER_LANGUAGES.length],
		status,
		category: index % 2 === 0 ? 'MARKETING' : 'UTILITY',
		parameter_format: 'POSITIONAL',
		...(status === 'REJECTED' ? { rejected_reason: 'INVALID_FORMAT' } : {}),
		components: [
			withParameter
				? { type: 'BODY', text: `Hi {{1}}, this is sandbox template ${number}.`, example: { body_text: [['Anna']] } }
				: { type: 'BODY', text: `This is sandbox template ${number}.` },
		],
	};
}

/** Template ids look like Graph's (16 digits) and are stable across resets. */
const templateId = (index) => String(1407680676729000 + index);

/**
 * A fresh state object (seed only). `config` is kept by reference: `resetState` keeps it.
 * @param {{ apiKeys: string[], rateLimitPerSecond: number, extraTemplates?: number }} config
 */
function createState(config) {
	const state = { config };
	resetState(state);
	return state;
}

/** Puts the seed back: connections, templates, media, profiles, sent messages, log, faults. */
function resetState(state) {
	const extra = state.config.extraTemplates ?? DEFAULT_EXTRA_TEMPLATES;
	state.businessAccounts = new Map([[BUSINESS_ACCOUNT.id, { ...BUSINESS_ACCOUNT }]]);
	state.businesses = [structuredClone(BUSINESS)];
	state.tokenUser = { ...TOKEN_USER };
	/**
	 * Whether the connection's token may list its businesses (`business_management`): 'granted',
	 * or 'denied' for a token without it (`/me?fields=businesses` answers Graph error 200).
	 */
	state.discoveryAccess = 'granted';
	state.phoneNumbers = new Map(
		PHONE_NUMBERS.map((phone) => [phone.id, { ...structuredClone(phone), businessAccountId: BUSINESS_ACCOUNT.id }]),
	);
	state.profiles = new Map(PHONE_NUMBERS.map((phone) => [phone.id, profileFor(phone)]));
	const all = [...namedTemplates()];
	for (let index = 1; index <= extra; index++) all.push(fillerTemplate(index));
	/** Newest first, as Graph lists them; `businessAccountId` is internal (never output). */
	state.templates = all.map((template, index) => ({
		businessAccountId: BUSINESS_ACCOUNT.id,
		data: { id: templateId(index + 1), ...template },
	}));
	state.nextTemplateIndex = all.length + 1;
	state.connections = new Map([
		[
			SEED_IDS.connectionId,
			{
				connection_id: SEED_IDS.connectionId,
				status: 'ACTIVE',
				creation_time: '2025-12-08T07:20:53.488460Z',
				last_updated_time: '2026-01-31T20:03:32.593153Z',
				url: 'https://connect.maton.ai/?session_token=sandbox-seeded-connection',
				app: 'whatsapp-business',
				method: 'OAUTH2',
				metadata: {},
			},
		],
	]);
	const seededImage = Buffer.from(
		'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
		'base64',
	);
	state.media = new Map([
		[
			SEED_IDS.mediaId,
			{
				id: SEED_IDS.mediaId,
				mime_type: 'image/png',
				sha256: crypto.createHash('sha256').update(seededImage).digest('hex'),
				file_size: seededImage.length,
				fileName: 'pixel.png',
				phoneNumberId: SEED_IDS.phoneNumberId,
				buffer: seededImage,
				created: Date.now(),
			},
		],
	]);
	/** QR codes by phone number ID, newest first (sandbox/qrCodes.js). */
	state.qrCodes = new Map();
	state.messages = [];
	/** Each phone number's blocklist: phone number ID → Map of wa_id → { wa_id, time } (sandbox/blockUsers.js). */
	state.blockedUsers = new Map();
	state.requests = [];
	state.faults = [];
	state.rateWindows = new Map();
	state.requestCounter = 0;
	return state;
}

module.exports = {
	SEED_IDS,
	CATALOG_PRODUCTS,
	MAGIC_RECIPIENTS,
	DEFAULT_EXTRA_TEMPLATES,
	createState,
	resetState,
};
