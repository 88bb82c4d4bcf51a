'use strict';
/**
 * WhatsApp Flows, as Graph checks them (docs/whatsapp-rules.md § Flow messages):
 * - the `action` of an interactive `flow` message (`POST /{phone}/messages`), hooked into
 *   messages.js after the body, header and footer checks every interactive message has;
 * - a template's FLOW buttons (`POST /{waba}/message_templates`), hooked into graph.js's button
 *   checks.
 */
const { GraphError, invalidParameter, missingParameter, notOneOf } = require('./errors');

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const length = (text) => [...text].length;

const FLOW_ACTIONS = ['navigate', 'data_exchange'];
const FLOW_MODES = ['published', 'draft'];
const FLOW_ID = /^[0-9]+$/;
const SCREEN_ID = /^[A-Za-z0-9_]+$/;
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;

function requiredText(value, parameter, max) {
	if (typeof value !== 'string' || value.trim() === '') throw missingParameter(parameter);
	if (max !== undefined && length(value) > max) {
		throw invalidParameter(`Param ${parameter} must be at most ${max} characters long.`);
	}
}

/** Exactly one of flow_id (digits) and flow_name (and, for a template, flow_json). */
function checkFlowReference(object, where, keys) {
	const given = keys.filter((key) => object[key] !== undefined);
	if (given.length !== 1) {
		throw invalidParameter(`${where}: exactly one of ${keys.join(', ')} is required, got ${given.length === 0 ? 'none' : given.join(' and ')}`);
	}
	const [key] = given;
	requiredText(object[key], `${where}['${key}']`);
	if (key === 'flow_id' && !FLOW_ID.test(object.flow_id)) {
		throw invalidParameter(`Param ${where}['flow_id'] must be a valid flow ID (digits), got "${object.flow_id}".`);
	}
}

function checkScreen(screen, parameter) {
	requiredText(screen, parameter);
	if (!SCREEN_ID.test(screen)) throw invalidParameter(`Param ${parameter} "${screen}" is not a valid screen ID.`);
}

/** `interactive.action` of a flow message. */
function checkFlowAction(action) {
	if (!isObject(action) || action.name !== 'flow') throw notOneOf("interactive['action']['name']", ['flow'], action?.name);
	const parameters = action.parameters;
	const where = "interactive['action']['parameters']";
	if (!isObject(parameters)) throw missingParameter(`${where}['flow_message_version']`);
	if (parameters.flow_message_version !== '3') {
		throw notOneOf(`${where}['flow_message_version']`, ['3'], parameters.flow_message_version);
	}
	checkFlowReference(parameters, where, ['flow_id', 'flow_name']);
	requiredText(parameters.flow_cta, `${where}['flow_cta']`, 20);
	if (EMOJI.test(parameters.flow_cta)) throw invalidParameter(`Param ${where}['flow_cta'] cannot contain emoji.`);
	if (parameters.flow_token !== undefined && typeof parameters.flow_token !== 'string') {
		throw invalidParameter(`Param ${where}['flow_token'] must be a string.`);
	}
	const mode = parameters.mode ?? 'published';
	if (!FLOW_MODES.includes(mode)) throw notOneOf(`${where}['mode']`, FLOW_MODES, mode);
	const flowAction = parameters.flow_action ?? 'navigate';
	if (!FLOW_ACTIONS.includes(flowAction)) throw notOneOf(`${where}['flow_action']`, FLOW_ACTIONS, flowAction);
	const payload = parameters.flow_action_payload;
	if (flowAction === 'data_exchange') {
		if (payload !== undefined) {
			throw invalidParameter(`Param ${where}['flow_action_payload'] is not allowed when flow_action is data_exchange.`);
		}
		return;
	}
	if (!isObject(payload)) throw missingParameter(`${where}['flow_action_payload']['screen']`);
	checkScreen(payload.screen, `${where}['flow_action_payload']['screen']`);
	if (payload.data !== undefined && (!isObject(payload.data) || Object.keys(payload.data).length === 0)) {
		throw invalidParameter(`Param ${where}['flow_action_payload']['data'] must be a non-empty JSON object.`);
	}
}

const flowButtonError = (details) =>
	new GraphError(100, '(#100) Invalid parameter', { details, userTitle: 'Invalid Flow button', userMsg: details });

/** The FLOW buttons of a new template's BUTTONS component (the others are graph.js's). */
function checkFlowTemplateButtons(buttons) {
	const flows = buttons
		.map((button, index) => ({ button, where: `BUTTONS button ${index}` }))
		.filter(({ button }) => isObject(button) && button.type === 'FLOW');
	if (flows.length > 1) throw flowButtonError(`A template has at most one FLOW button, got ${flows.length}`);
	for (const { button, where } of flows) {
		if (typeof button.text !== 'string' || button.text.trim() === '') throw missingParameter(`${where} text`);
		if (length(button.text) > 25) throw flowButtonError(`${where} text must be at most 25 characters long`);
		checkFlowReference(button, where, ['flow_id', 'flow_name', 'flow_json']);
		const flowAction = button.flow_action ?? 'navigate';
		if (!FLOW_ACTIONS.includes(flowAction)) throw notOneOf(`${where} flow_action`, FLOW_ACTIONS, flowAction);
		if (flowAction === 'navigate') checkScreen(button.navigate_screen, `${where} navigate_screen`);
	}
}

module.exports = { checkFlowAction, checkFlowTemplateButtons };
