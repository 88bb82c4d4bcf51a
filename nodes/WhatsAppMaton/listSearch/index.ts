import { searchBusinessAccounts } from './searchBusinessAccounts';
import { searchConnections } from './searchConnections';
import { searchPhoneNumbers } from './searchPhoneNumbers';
import { searchTemplateLanguages } from './searchTemplateLanguages';
import { searchTemplates } from './searchTemplates';

export const listSearch = { searchBusinessAccounts, searchConnections, searchPhoneNumbers, searchTemplateLanguages, searchTemplates };
