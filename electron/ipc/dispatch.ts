// Transport-independent core of every IPC call: look up the channel, validate
// the request with its zod schema, run the typed handler, validate the
// response. Electron IPC (register.ts) and the web-mode HTTP server both go
// through here, so both enforce exactly the same contract.
import type { z } from 'zod';
import { channels, type ChannelName, type HandlerMap, type IpcResult } from '../../shared/ipc/contract';
import { QuartierError, toIpcError } from './errors';

export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(channels, name);
}

/** Lists the first few schema problems in a readable (technical, but German-framed) way. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(Anfrage)'}: ${issue.message}`)
    .join('; ');
}

export type Dispatch = (channel: string, rawRequest: unknown) => Promise<IpcResult<unknown>>;

/**
 * Builds the dispatcher for a handler map. Handlers only ever see requests
 * that passed their schema; a handler returning something off-contract is
 * reported as an error instead of being passed on.
 */
export function createDispatcher(handlers: HandlerMap, onInternalError?: (channel: string, error: unknown) => void): Dispatch {
  return async (channel, rawRequest) => {
    if (!isChannelName(channel)) {
      return { ok: false, error: { code: 'unknown-channel', message: `Unbekannter Kanal „${channel.slice(0, 64)}“.` } };
    }
    const spec = channels[channel];
    const parsed = spec.request.safeParse(rawRequest);
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'invalid-request', message: `Ungültige Anfrage an „${channel}“: ${describeIssues(parsed.error)}` },
      };
    }
    try {
      // The map is indexed by a union here; each handler accepts its own request type,
      // which `parsed.data` is by construction (same schema).
      const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
      const value: unknown = await handler(parsed.data);
      const checked = spec.response.safeParse(value);
      if (!checked.success) {
        throw new QuartierError('invalid-response', `Interner Fehler: Die Antwort auf „${channel}“ entspricht nicht dem Vertrag.`);
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (!(error instanceof QuartierError) || error.code === 'invalid-response') onInternalError?.(channel, error);
      return { ok: false, error: toIpcError(error) };
    }
  };
}
