import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { inputError } from './errors';

/** preSend: a pin off the globe would only be refused by Meta. */
export async function checkCoordinates(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const location = (requestOptions.body as IDataObject).location as IDataObject;
	const bounds = { latitude: 90, longitude: 180 } as const;
	for (const axis of ['latitude', 'longitude'] as const) {
		const value = Number(location[axis]);
		if (!Number.isFinite(value) || Math.abs(value) > bounds[axis]) {
			const label = axis === 'latitude' ? 'Latitude' : 'Longitude';
			throw inputError(
				this,
				`${label} is ${String(location[axis])}; it must be between -${bounds[axis]} and ${bounds[axis]}`,
			);
		}
		location[axis] = value;
	}
	return requestOptions;
}
