/**
 * Types of sandbox/server.js (plain CommonJS, so that `npm run sandbox` needs no build) for the
 * TypeScript tests, benchmarks and end-to-end scripts that start the sandbox in-process.
 */

export interface SandboxIds {
	/** The main business phone number (GREEN, LIVE). */
	phoneNumberId: string;
	/** The WhatsApp Business Account owning the phone numbers and templates. */
	businessAccountId: string;
	/** The seeded ACTIVE Maton connection (the oldest, so the default one). */
	connectionId: string;
	/** An uploaded PNG usable as `image: { id }`. */
	mediaId: string;
	/** The two other phone numbers of the business account. */
	otherPhoneNumberIds: readonly string[];
	/** The Meta business (portfolio) owning the business account: what account discovery finds. */
	businessId: string;
	/** The ecommerce catalog connected to the business account, for product messages. */
	catalogId: string;
}

export const SEED_IDS: Readonly<SandboxIds>;

/** Recipients (`to` digits) whose sends fail with the Graph code they map to. */
export const MAGIC_RECIPIENTS: Readonly<Record<string, number>>;
/** The retailer IDs of the products in the seeded catalog (`SEED_IDS.catalogId`). */
export const CATALOG_PRODUCTS: readonly string[];

export const DEFAULT_API_KEY: 'sandbox-key';
export const DEFAULT_PORT: 8787;
export const DEFAULT_RATE_LIMIT: 10;
export const DEFAULT_VERSION: string;

export interface SandboxOptions {
	/** Port to listen on; 0 (the default) picks a free one. The CLI defaults to 8787. */
	port?: number;
	/** Address to bind; '127.0.0.1' by default. */
	host?: string;
	/** Accepted Maton API keys (array or comma-separated); 'sandbox-key' by default. */
	apiKeys?: string[] | string;
	/** Requests per second per key (sliding one-second window) before 429; 0 = no limit. Default 10. */
	rateLimitPerSecond?: number;
	/** Simulated network latency in ms: every gateway and control answer waits this long after the request was read and counted; default 0. */
	latencyMs?: number;
	/** Generated templates (sandbox_template_001…) besides the named ones; default 120. */
	extraTemplates?: number;
	/** Called with each logged request once it is answered (or dropped: status null). */
	onRequest?: (entry: LoggedRequest) => void;
}

/** One queued fault, applied to the next matching request (by default: the next gateway request). */
export interface SandboxFault {
	/** Answer with this status (and body / headers) instead of handling the request. */
	status?: number;
	/** The answer's body: an object is sent as JSON, a string as text. Default: a Graph- or Maton-shaped error for the status. */
	body?: unknown;
	/** Extra answer headers, e.g. `{ 'retry-after': '0' }`. */
	headers?: Record<string, string>;
	/** Destroy the socket without answering (after the delay, if any). */
	reset?: boolean;
	/** Wait this long first; with neither status nor reset, then answer normally. */
	delayMs?: number;
	/** Which requests it applies to: api 'gateway' (default), 'control' or 'any'; method; a substring of the path. */
	match?: { api?: 'gateway' | 'control' | 'any'; method?: string; path?: string };
}

export interface LoggedRequest {
	seq: number;
	time: string;
	api: 'gateway' | 'control' | 'connect' | 'other';
	method: string;
	/** The full path, e.g. /whatsapp-business/v25.0/106540352242922/messages. */
	path: string;
	query: Record<string, string>;
	/** Lower-cased request headers; `authorization` is masked ("Bearer ***"). */
	headers: Record<string, string | string[] | undefined>;
	/** Parsed JSON or form body; for multipart `{ fields, files: [{ field, filename, contentType, size, sha256 }] }`. */
	body: unknown;
	/** Gateway only: the Graph version and the Graph path after it. */
	version?: string;
	graphPath?: string;
	/** Gateway only: the Maton connection the call ran on. */
	connectionId?: string;
	/** The fault applied to this request, if any. */
	fault?: SandboxFault;
	/** Answer status; null when the socket was dropped. */
	status?: number | null;
	durationMs?: number;
}

export interface MatonConnection {
	connection_id: string;
	status: 'ACTIVE' | 'PENDING' | 'FAILED';
	creation_time: string;
	last_updated_time: string;
	url: string;
	app: string;
	method: string;
	metadata: Record<string, unknown>;
}

export interface SentMessage {
	id?: string;
	kind: 'message' | 'status';
	type: string;
	phoneNumberId: string;
	to?: string;
	connectionId: string;
	body: unknown;
	time: string;
}

export interface SandboxTemplate {
	id: string;
	name: string;
	language: string;
	status: string;
	category: string;
	parameter_format: 'NAMED' | 'POSITIONAL';
	components: Array<Record<string, unknown>>;
	[field: string]: unknown;
}

/** The live in-memory state. Tests may read it; changing it changes what the sandbox answers. */
export interface SandboxState {
	config: { apiKeys: string[]; rateLimitPerSecond: number; extraTemplates?: number };
	connections: Map<string, MatonConnection>;
	businessAccounts: Map<string, Record<string, unknown>>;
	phoneNumbers: Map<string, Record<string, unknown> & { id: string; businessAccountId: string }>;
	profiles: Map<string, Record<string, unknown>>;
	/** Newest first, as Graph lists them. */
	templates: Array<{ businessAccountId: string; data: SandboxTemplate }>;
	media: Map<string, { id: string; mime_type: string; sha256: string; file_size: number; fileName?: string; phoneNumberId: string; buffer: Buffer; created: number }>;
	/** Messages (and mark-as-read calls) accepted by POST /{phone}/messages. */
	messages: SentMessage[];
	/** The request log (also GET /__sandbox/requests); /__sandbox calls are not logged. */
	requests: LoggedRequest[];
	/** Faults still queued. */
	faults: SandboxFault[];
	/** The businesses `GET /me?fields=businesses{…}` lists, with the accounts each owns or manages. */
	businesses: Array<{ id: string; name: string; ownedBusinessAccountIds: string[]; clientBusinessAccountIds: string[] }>;
	/** 'denied': the token lacks business_management, `businesses` answers Graph error 200. */
	discoveryAccess: 'granted' | 'denied';
	/** QR codes by phone number ID, newest first (sandbox/qrCodes.js). */
	qrCodes: Map<string, Array<{ code: string; prefilled_message: string }>>;
}

/** n8n "Maton API" credential data pointing at the sandbox. */
export interface SandboxCredentials {
	apiKey: string;
	connectionId: string;
	businessAccountId: string;
	graphApiVersion: string;
	gatewayBaseUrl: string;
	controlBaseUrl: string;
	[key: string]: string;
}

export interface SandboxHandle {
	/** e.g. http://127.0.0.1:8787 — the gateway and the control base URL alike. */
	url: string;
	port: number;
	/** The first accepted key. */
	apiKey: string;
	ids: Readonly<SandboxIds>;
	state: SandboxState;
	/** Credential data for the node (key, base URLs, business account), with overrides. */
	credentials(overrides?: Partial<SandboxCredentials>): SandboxCredentials;
	/** Puts the seed back and clears the log, messages, faults and rate windows (POST /__sandbox/reset). */
	reset(): void;
	/** Queues faults (POST /__sandbox/faults); throws on an invalid one. */
	injectFaults(faults: SandboxFault | SandboxFault[]): void;
	/** Stops listening, drops open connections and pending delayed answers. */
	close(): Promise<void>;
}

export function startSandbox(options?: SandboxOptions): Promise<SandboxHandle>;
