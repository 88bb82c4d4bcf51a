/**
 * WhatsApp's limits that the node checks before sending, in one place. Each constant names the
 * section of docs/whatsapp-rules.md that says where the limit comes from; change a number there
 * and here together. Lengths are in characters (code points), as shared/checks/text.ts counts them.
 */

const KB = 1024;
const MB = 1024 * KB;

// --- Recipient (docs/whatsapp-rules.md § Every message) ---------------------------------------

/** Fewest digits of a recipient's number with its country code (§ Every message). */
export const RECIPIENT_MIN_DIGITS = 7;
/** Most digits of a recipient's number with its country code (§ Every message). */
export const RECIPIENT_MAX_DIGITS = 15;

// --- Graph API version (docs/whatsapp-rules.md § Graph API version) ---------------------------

/**
 * The last day Meta serves each Graph API version (UTC), as Meta's versions changelog gives them;
 * versions not listed have no published end yet. Add a line when Meta publishes one.
 */
export const GRAPH_API_VERSION_ENDS: Readonly<Record<string, string>> = {
	'v20.0': '2026-09-24',
	'v21.0': '2027-01-21',
	'v22.0': '2027-05-20',
	'v23.0': '2027-10-08',
	'v24.0': '2028-02-18',
	'v25.0': '2028-07-29',
};
/** The credential test warns this many days before the configured version ends. */
export const GRAPH_API_VERSION_WARNING_DAYS = 90;

// --- Media carousel (§ Interactive media carousel) -------------------------------------------

/** Fewest and most cards of an interactive media carousel. */
export const CAROUSEL_CARDS_MIN = 2;
export const CAROUSEL_CARDS_MAX = 10;
/** Most characters of a card's body text, and most line breaks in it. */
export const CAROUSEL_CARD_BODY_MAX = 160;
export const CAROUSEL_CARD_BODY_LINE_BREAKS_MAX = 2;

// --- Product and catalog messages (§ Product and catalog messages) ---------------------------

/** Most characters of a product's retailer ID (Commerce Manager's Content ID). */
export const PRODUCT_RETAILER_ID_MAX = 100;
/** Most sections of a multi-product message. */
export const PRODUCT_LIST_SECTIONS_MAX = 10;
/** Most products of a multi-product message, all sections together. */
export const PRODUCT_LIST_ITEMS_MAX = 30;

// --- The 24-hour window (§ The 24-hour window) -----------------------------------------------

/** Graph's error for a free-form message sent more than 24 hours after the customer wrote. */
export const OUTSIDE_WINDOW_CODE = 131047;
/** A template translation's locale: `de`, `en_US`, `pt_BR`, `zh_HK`, `fil` (§ The 24-hour window). */
export const TEMPLATE_LANGUAGE_CODE_PATTERN = /^[a-z]{2,3}(_[A-Z]{2,4})?$/;

// --- Text and media messages (§ Text and media messages) --------------------------------------

/** Most characters of a text message's body (§ Text and media messages). */
export const TEXT_BODY_MAX = 4096;
/** Most characters of an image, video or document caption (§ Text and media messages). */
export const MEDIA_CAPTION_MAX = 1024;
/** Most characters of a document's file name (§ Text and media messages). */
export const DOCUMENT_FILENAME_MAX = 240;

// --- Media files (§ Media files) ----------------------------------------------------------------

/** Largest audio file (§ Media files). */
export const AUDIO_MAX_BYTES = 16 * MB;
/** Largest document (§ Media files). */
export const DOCUMENT_MAX_BYTES = 100 * MB;
/** Largest image (§ Media files). */
export const IMAGE_MAX_BYTES = 5 * MB;
/** Largest animated sticker (§ Media files). */
export const ANIMATED_STICKER_MAX_BYTES = 500 * KB;
/** Largest static (not animated) sticker (§ Media files). */
export const STATIC_STICKER_MAX_BYTES = 100 * KB;
/** Largest video (§ Media files). */
export const VIDEO_MAX_BYTES = 16 * MB;
/** The only MIME type a voice note may have: Ogg, with the Opus codec (§ Voice notes). */
export const VOICE_NOTE_MIME_TYPE = 'audio/ogg';
/** File name extensions of an Ogg Opus file, for a voice note sent by link (§ Voice notes). */
export const VOICE_NOTE_EXTENSIONS = ['ogg', 'oga', 'opus'];

// --- Interactive messages (§ Interactive messages) ---------------------------------------------

/** Most characters of a reply-button, CTA URL or location request body (§ Interactive messages). */
export const INTERACTIVE_BODY_MAX = 1024;
/** Most characters of a list message's body (§ Interactive messages). */
export const LIST_BODY_MAX = 4096;
/** Most characters of an interactive header text (§ Interactive messages). */
export const INTERACTIVE_HEADER_TEXT_MAX = 60;
/** Most characters of an interactive footer text (§ Interactive messages). */
export const INTERACTIVE_FOOTER_TEXT_MAX = 60;
/** Most reply buttons in one message (§ Interactive messages). */
export const REPLY_BUTTONS_MAX = 3;
/** Most characters of a reply button's ID, echoed back in the reply (§ Interactive messages). */
export const REPLY_BUTTON_ID_MAX = 256;
/** Most characters of a reply button's title (§ Interactive messages). */
export const REPLY_BUTTON_TITLE_MAX = 20;
/** Most characters of a list's button label (§ Interactive messages). */
export const LIST_BUTTON_TEXT_MAX = 20;
/** Most sections in a list (§ Interactive messages). */
export const LIST_SECTIONS_MAX = 10;
/** Most rows in a list, all sections together (§ Interactive messages). */
export const LIST_ROWS_MAX = 10;
/** Most characters of a list section's title (§ Interactive messages). */
export const LIST_SECTION_TITLE_MAX = 24;
/** Most characters of a list row's ID, echoed back in the reply (§ Interactive messages). */
export const LIST_ROW_ID_MAX = 200;
/** Most characters of a list row's title (§ Interactive messages). */
export const LIST_ROW_TITLE_MAX = 24;
/** Most characters of a list row's description (§ Interactive messages). */
export const LIST_ROW_DESCRIPTION_MAX = 72;
/** Most characters of a call-to-action URL button's label (§ Interactive messages). */
export const CTA_BUTTON_TEXT_MAX = 20;

// --- Flow messages (§ Flow messages) -----------------------------------------------------------

/** Most characters of a flow message's button label, `flow_cta`, which takes no emoji (§ Flow messages). */
export const FLOW_BUTTON_TEXT_MAX = 20;
/** The only `flow_message_version` WhatsApp takes (§ Flow messages). */
export const FLOW_MESSAGE_VERSION = '3';
/** The flow token WhatsApp uses when a flow message gives none (§ Flow messages). */
export const FLOW_TOKEN_DEFAULT = 'unused';

// --- Template messages (§ Template messages) ---------------------------------------------------

/** Most characters of a template header's text parameter (§ Template messages). */
export const TEMPLATE_HEADER_PARAMETER_MAX = 60;
/**
 * Most characters of one body text parameter when the template also has a header, footer or
 * buttons (§ Template messages).
 */
export const TEMPLATE_BODY_PARAMETER_MAX_WITH_OTHER_COMPONENTS = 1024;
/** Most characters of a copy-code button's coupon code (§ Template messages). */
export const COUPON_CODE_MAX = 15;
/** Highest button index of a template (buttons "0" to "9") (§ Template messages). */
export const TEMPLATE_BUTTON_INDEX_MAX = 9;

// --- Template management (§ Template management) ---------------------------------------------

/** Most buttons of a new template (§ Template management). */
export const TEMPLATE_BUTTONS_MAX = 10;
/** Most buttons of each kind in a new template (§ Template management). */
export const TEMPLATE_BUTTONS_OF_KIND_MAX = { url: 2, phone_number: 1, copy_code: 1, flow: 1, quick_reply: 10 } as const;
/** Most characters of a new template button's text (§ Template management). */
export const TEMPLATE_BUTTON_TEXT_MAX = 25;
/** Most characters of a new template's body text (§ Template management). */
export const TEMPLATE_BODY_TEXT_MAX = 1024;
/** Most characters of a new template's header and footer texts (§ Template management). */
export const TEMPLATE_HEADER_TEXT_MAX = 60;
export const TEMPLATE_FOOTER_TEXT_MAX = 60;

// --- Business profile (§ Phone numbers and business profile) -----------------------------------

/** Most characters of each business profile field (§ Phone numbers and business profile). */
export const PROFILE_ABOUT_MAX = 139;
export const PROFILE_ADDRESS_MAX = 256;
export const PROFILE_DESCRIPTION_MAX = 512;
export const PROFILE_EMAIL_MAX = 128;
export const PROFILE_WEBSITE_MAX = 256;
/** Most websites of a business profile (§ Phone numbers and business profile). */
export const PROFILE_WEBSITES_MAX = 2;

// --- Blocked users (§ Blocked users) -----------------------------------------------------------

/** Most users one block or unblock request may name (§ Blocked users). */
export const BLOCK_USERS_PER_REQUEST_MAX = 1000;

// --- Contacts (§ Contacts) ---------------------------------------------------------------------

/** The name parts of which a contact card needs one besides `formatted_name` (§ Contacts). */
export const CONTACT_NAME_PARTS = ['first_name', 'last_name', 'middle_name', 'prefix', 'suffix'] as const;

// --- Analytics (docs/whatsapp-rules.md § Analytics) --------------------------------------------

/** How far back messaging and pricing analytics reach, in days (§ Analytics). */
export const ANALYTICS_LOOKBACK_DAYS = 365;
/** How far back template analytics reach, in days (§ Analytics). */
export const TEMPLATE_ANALYTICS_LOOKBACK_DAYS = 90;
/** Most template IDs in one template analytics request (§ Analytics). */
export const TEMPLATE_ANALYTICS_IDS_MAX = 10;

// --- QR codes (§ QR codes) ----------------------------------------------------------------------

/** Most characters of a QR code's prefilled message (§ QR codes). */
export const QR_PREFILLED_MESSAGE_MAX = 140;
/** Most QR codes and short links one business phone number may have (§ QR codes). */
export const QR_CODES_PER_PHONE_NUMBER_MAX = 2000;
/** The image formats Graph generates a QR code in (`generate_qr_image`) (§ QR codes). */
export const QR_IMAGE_FORMATS = ['PNG', 'SVG'] as const;
/**
 * The hosts of Meta's CDN that a QR code's `qr_image_url` is on, the only ones QR Code › Create
 * downloads the image from, over https on the default port (§ QR codes). `*.fbcdn.net` covers
 * `scontent.xx.fbcdn.net` and `scontent-iad3-2.xx.fbcdn.net`; a name is exact unless it starts
 * with `*.`, which matches any host under it (never the bare domain).
 */
export const QR_IMAGE_HOSTS: readonly string[] = ['*.fbcdn.net', 'lookaside.fbsbx.com'];
