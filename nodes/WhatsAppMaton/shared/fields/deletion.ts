import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

/**
 * postReceive for delete operations: Graph answers `{ success: true }` (some versions
 * `{ deleted: true }`) and the control API may answer with no body at all. The item always says
 * `success`, so a following IF node needs no special case.
 */
export async function normaliseDeletion(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body =
		response.body && typeof response.body === 'object' && !Array.isArray(response.body)
			? (response.body as IDataObject)
			: {};
	const success = body.success ?? body.deleted ?? true;
	return [{ json: { ...body, success: Boolean(success) } }];
}
