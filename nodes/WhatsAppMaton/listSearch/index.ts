import { searchBusinessAccounts } from './searchBusinessAccounts';
import { searchConnections } from './searchConnections';
import { searchPhoneNumbers } from './searchPhoneNumbers';
import { searchTemplates } from './searchTemplates';

export const listSearch = { searchBusinessAccounts, searchConnections, searchPhoneNumbers, searchTemplates };
