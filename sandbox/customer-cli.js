'use strict';
/**
 * `npm run sandbox -- customer <kind> [arguments] [--url http://127.0.0.1:8787] [--from 16315551181]`
 * The simulated customer of a running sandbox writes to the business: the sandbox POSTs Meta's
 * webhook payload to the URL registered through the override calls (a WhatsApp (Maton) Trigger).
 */
const USAGE = `Usage: npm run sandbox -- customer <kind> [arguments] [options]

  text "<message>"                 a text message (default "hi")
  button <id> ["<title>"]          a tap on a reply button
  list <row id> ["<title>"]        a row picked from a list message
  quick-reply <payload> ["<text>"] a tap on a template's quick-reply button
  image [<media id>] ["<caption>"] a photo
  location <lat> <lon> ["<name>"]  a shared location
  reaction <message id> <emoji>    a reaction to a message the business sent
  tap [<number or title>]          a tap on a button of the latest reply-button message sent to
                                   the customer (default its first button; --reply-to picks one)
  reply "<message>"                a text in reply to the latest message sent to the customer

  --url <sandbox URL>     default http://127.0.0.1:8787 (env MATON_SANDBOX_URL)
  --from <digits>         the customer's number (default 16315551181)
  --name "<name>"         the customer's profile name (default Kerry Fisher)
  --phone <id>            the business phone number ID written to (default the seeded one)
  --reply-to <wamid>      sent in reply to this message (context.message_id)`;

function parse(argv, env) {
	const positional = [];
	const input = {};
	let url = env.MATON_SANDBOX_URL ?? 'http://127.0.0.1:8787';
	for (let index = 0; index < argv.length; index++) {
		const argument = argv[index];
		const next = () => {
			const value = argv[++index];
			if (value === undefined) throw new Error(`${argument} needs a value`);
			return value;
		};
		if (argument === '--help' || argument === '-h') return { help: true };
		else if (argument === '--url') url = next();
		else if (argument === '--from') input.from = next();
		else if (argument === '--name') input.profileName = next();
		else if (argument === '--phone') input.phoneNumberId = next();
		else if (argument === '--reply-to') input.contextMessageId = next();
		else if (argument.startsWith('--')) throw new Error(`unknown option ${argument}`);
		else positional.push(argument);
	}
	const [kind = 'text', first, second, third] = positional;
	switch (kind) {
		case 'text':
		case 'reply':
			input.text = first ?? 'hi';
			break;
		case 'tap':
			if (first !== undefined) input.button = first;
			break;
		case 'button':
		case 'list':
		case 'quick-reply':
			if (first !== undefined) input.id = first;
			if (second !== undefined) input.title = second;
			break;
		case 'image':
			if (first !== undefined) input.mediaId = first;
			if (second !== undefined) input.caption = second;
			break;
		case 'location':
			if (first !== undefined) input.latitude = Number(first);
			if (second !== undefined) input.longitude = Number(second);
			if (third !== undefined) input.name = third;
			break;
		case 'reaction':
			if (first !== undefined) input.messageId = first;
			if (second !== undefined) input.emoji = second;
			break;
		default:
			throw new Error(`unknown kind "${kind}"`);
	}
	return { url: url.replace(/\/+$/, ''), body: { kind, ...input } };
}

async function runCustomer(argv, env = process.env) {
	let parsed;
	try {
		parsed = parse(argv, env);
	} catch (error) {
		process.stderr.write(`sandbox customer: ${error.message}\n\n${USAGE}\n`);
		return 2;
	}
	if (parsed.help) {
		process.stdout.write(`${USAGE}\n`);
		return 0;
	}
	let response;
	try {
		response = await fetch(`${parsed.url}/__sandbox/customer`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(parsed.body),
		});
	} catch (error) {
		process.stderr.write(`sandbox customer: no sandbox at ${parsed.url} (${error?.cause?.code ?? error.message}); start one with npm run sandbox\n`);
		return 1;
	}
	const result = await response.json();
	if (!response.ok) {
		process.stderr.write(`sandbox customer: ${result?.error?.message ?? response.status}\n`);
		return 1;
	}
	const { message, delivery } = result;
	process.stdout.write(`customer ${parsed.body.kind}: ${message.id}\n`);
	if (!delivery) {
		process.stdout.write('  not delivered: no webhook override is registered for this phone number (activate a WhatsApp (Maton) Trigger first)\n');
		return 1;
	}
	process.stdout.write(`  POST ${delivery.url} -> ${delivery.status ?? delivery.error}\n`);
	return delivery.status === 200 ? 0 : 1;
}

module.exports = { runCustomer, parseCustomerArguments: parse };
