import { getTemplateVariables } from './getTemplateVariables';

export const resourceMapping = { getTemplateVariables };
