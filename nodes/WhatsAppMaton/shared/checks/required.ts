/** Routing value for a text field sent in a body or query: an expression's number or padding is cleaned. */
export const TRIMMED_VALUE = "={{ String($value ?? '').trim() }}";
