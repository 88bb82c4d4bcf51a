/**
 * The recipient rules every send operation shares (docs/whatsapp-rules.md, "Every message"):
 * digits with the country code, 7 to 15 of them, no leading 00. Each send operation breaks one.
 */
import { send } from '../inputs';
import { itRefusesEach } from '../refusal';

describe('bad inputs', () => {
	// Message limits › all messages: the recipient (digits with country code, 7 to 15, no 00)
	itRefusesEach([
		{
			name: 'sendText: letters in the number',
			parameters: send('sendText', { recipientPhoneNumber: '1555CALLNOW' }),
			message: /^Recipient Phone Number "1555CALLNOW" has characters other than digits/,
			field: 'Recipient Phone Number',
		},
		{
			name: 'sendImage: a leading 00',
			parameters: send('sendImage', { recipientPhoneNumber: '00 44 7700 900123' }),
			message: /^Recipient Phone Number "00 44 7700 900123" starts with 00/,
			field: 'Recipient Phone Number',
		},
		{
			name: 'sendVideo: 6 digits',
			parameters: send('sendVideo', { recipientPhoneNumber: '123-456' }),
			message: /^Recipient Phone Number "123-456" has 6 digits; WhatsApp wants 7 to 15/,
			field: 'Recipient Phone Number',
		},
		{
			name: 'sendAudio: 16 digits',
			parameters: send('sendAudio', { recipientPhoneNumber: '+1 234 567 890 123 456' }),
			message: /^Recipient Phone Number "\+1 234 567 890 123 456" has 16 digits; WhatsApp wants 7 to 15/,
			field: 'Recipient Phone Number',
		},
		{
			name: 'sendDocument: a + inside the number',
			parameters: send('sendDocument', { recipientPhoneNumber: '+1 555 +123 4567' }),
			message: /^Recipient Phone Number "\+1 555 \+123 4567" has characters other than digits/,
			field: 'Recipient Phone Number',
		},
		{
			name: 'sendSticker: empty once the expression is resolved',
			parameters: send('sendSticker', { recipientPhoneNumber: '={{ $json.phone }}' }),
			message: /^Recipient Phone Number is empty/,
			field: 'Recipient Phone Number',
		},
		{
			name: 'sendLocation: 5 digits with brackets',
			parameters: send('sendLocation', { recipientPhoneNumber: '(555) 12' }),
			message: /^Recipient Phone Number "\(555\) 12" has 5 digits/,
			field: 'Recipient Phone Number',
		},
		{
			name: 'sendContacts: 00 prefix without spaces',
			parameters: send('sendContacts', { recipientPhoneNumber: '00442079460958' }),
			message: /^Recipient Phone Number "00442079460958" starts with 00/,
			field: 'Recipient Phone Number',
		},
		{
			name: 'sendReaction: not a number at all',
			parameters: send('sendReaction', { recipientPhoneNumber: 'jane@example.com' }),
			message: /^Recipient Phone Number "jane@example\.com" has characters other than digits/,
			field: 'Recipient Phone Number',
		},
		{
			name: 'sendReplyButtons: 16 digits from an expression',
			parameters: send('sendReplyButtons', { recipientPhoneNumber: '={{ "1".repeat(16) }}' }),
			message: /^Recipient Phone Number "1{16}" has 16 digits/,
			field: 'Recipient Phone Number',
		},
		{
			name: 'sendList: only separators',
			parameters: send('sendList', { recipientPhoneNumber: '={{ " + ( ) - " }}' }),
			message: /^Recipient Phone Number is empty/,
			field: 'Recipient Phone Number',
		},
		{
			name: 'sendCallToActionUrl: a tel: link',
			parameters: send('sendCallToActionUrl', { recipientPhoneNumber: 'tel:15551234567' }),
			message: /^Recipient Phone Number "tel:15551234567" has characters other than digits/,
			field: 'Recipient Phone Number',
		},
		{
			name: 'sendLocationRequest: 00 and a + together',
			parameters: send('sendLocationRequest', { recipientPhoneNumber: '+00 1 555 123 4567' }),
			message: /^Recipient Phone Number "\+00 1 555 123 4567" starts with 00/,
			field: 'Recipient Phone Number',
		},
		{
			name: 'sendTemplate: 5 digits',
			parameters: send('sendTemplate', { recipientPhoneNumber: '12345' }),
			message: /^Recipient Phone Number "12345" has 5 digits/,
			field: 'Recipient Phone Number',
		},
	]);
});
