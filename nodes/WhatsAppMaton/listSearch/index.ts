import { searchConnections } from './searchConnections';
import { searchPhoneNumbers } from './searchPhoneNumbers';
import { searchTemplates } from './searchTemplates';

export const listSearch = { searchConnections, searchPhoneNumbers, searchTemplates };
