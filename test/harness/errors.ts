import {
	ApplicationError,
	BaseError,
	ExecutionBaseError,
	ExpressionError,
	NodeApiError,
	NodeError,
	NodeOperationError,
	NodeSslError,
	OperationalError,
	UnexpectedError,
	UserError,
	WorkflowConfigurationError,
	WorkflowOperationError,
} from 'n8n-workflow';

/** Error classes whose instances the engine may store, by the `name` their instances carry. */
const ERROR_CLASSES_BY_NAME: Record<string, { prototype: Error }> = {
	NodeApiError,
	NodeOperationError,
	NodeSslError,
	NodeError,
	ExpressionError,
	ExecutionBaseError,
	WorkflowOperationError,
	WorkflowConfigurationError,
	UserError,
	UnexpectedError,
	OperationalError,
	BaseError,
	ApplicationError,
};

/**
 * n8n's WorkflowExecute stores a node's error as a plain-object copy
 * (`{ ...error, message, stack }`, in both `runData[node][i].error` and `resultData.error`), so the
 * class is lost. This returns an instance of the n8n-workflow error class named by the copy's own
 * `name` field (n8n's execution errors define `name` as an own, enumerable property), carrying all
 * the copied fields: `httpCode`, `description`, `context.itemIndex`, `node`, `messages`, ... .
 * Note: the copy has no `cause` (it is non-enumerable on the original), so neither does the result.
 * Real `Error` instances, unknown names and non-objects are returned as they are.
 */
export function reviveExecutionError<T>(error: T): T {
	if (error instanceof Error || typeof error !== 'object' || error === null) return error;
	const name = (error as { name?: unknown }).name;
	const errorClass = typeof name === 'string' ? ERROR_CLASSES_BY_NAME[name] : undefined;
	if (!errorClass) return error;
	const revived = Object.create(errorClass.prototype) as T;
	for (const [key, value] of Object.entries(error)) {
		// Like a native Error, keep `message` and `stack` non-enumerable.
		const enumerable = key !== 'message' && key !== 'stack';
		Object.defineProperty(revived, key, { value, writable: true, enumerable, configurable: true });
	}
	return revived;
}
