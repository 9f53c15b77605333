// Asks the app's authorize hook whose account a request may read. The hook's answer is checked
// like the header it becomes: a value fetch would refuse (a line break, a character outside
// Latin-1) is the app's bug, answered 500 naming the hook, never quoting the value, which may be
// anything the app holds.
import { isHeaderValue } from '@ofauth-mass-messages/core';
import type { Operation } from '@ofauth-mass-messages/spec/operations';
import { errorResponse } from './errors.js';
import { describeFailure } from './log.js';
import type { ResolvedOptions } from './options.js';

/** The connection id to forward with, or the answer to send instead. */
export type Authorized = { connectionId: string } | { response: Response };

/** Runs the hook for one request; never throws. */
export async function authorizeRequest(
  config: ResolvedOptions,
  request: Request,
  operation: Operation,
  pathParams: Record<string, unknown>,
): Promise<Authorized> {
  const fields = {
    method: request.method,
    path: operation.path,
    operationId: operation.operationId,
  };
  let answer: unknown;
  try {
    answer = await config.authorize(request, {
      operationId: operation.operationId,
      path: operation.path,
      pathParams,
    });
  } catch (error) {
    config.logger?.error?.(`${fields.method} ${fields.path}: authorize threw`, {
      ...fields,
      status: 500,
      error: describeFailure(error, config.redact),
    });
    return { response: failed('authorize failed; see the server log.') };
  }
  if (answer === null || answer === undefined) {
    return {
      response: errorResponse(
        401,
        'UNAUTHORIZED',
        'Not signed in, or not allowed to read this account (the app’s authorize refused).',
      ),
    };
  }
  if (answer instanceof Response) return { response: answer };
  if (typeof answer !== 'string' || answer === '' || !isHeaderValue(answer)) {
    const what =
      typeof answer !== 'string'
        ? `a ${typeof answer}, not a connection id`
        : answer === ''
          ? 'an empty connection id'
          : 'a connection id that cannot be sent as a header (a line break or a character outside Latin-1)';
    config.logger?.error?.(`${fields.method} ${fields.path}: authorize returned ${what}`, {
      ...fields,
      status: 500,
    });
    return { response: failed(`authorize returned ${what}.`) };
  }
  return { connectionId: answer };
}

function failed(message: string): Response {
  return errorResponse(
    500,
    'INTERNAL_ERROR',
    `The proxy could not authorize the request: ${message}`,
  );
}
