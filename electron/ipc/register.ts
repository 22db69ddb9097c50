// Registers every channel of the IPC contract on ipcMain through one wrapper:
// sender check → request validation → typed handler → response validation.
// ipcMain is reached through a small port so the tests need no Electron.
import { channels, type HandlerMap, type IpcResult } from '../../shared/ipc/contract';
import { isAppUrl } from '../security/urls';
import { createDispatcher } from './dispatch';

/** The parts of Electron's WebFrameMain the sender check looks at. */
export interface SenderFrameLike {
  readonly url: string;
  readonly parent: unknown;
  readonly processId: number;
  readonly routingId: number;
}

/** The parts of Electron's IpcMainInvokeEvent the sender check looks at. */
export interface IpcEventLike {
  readonly sender: { readonly id: number; readonly mainFrame: { readonly processId: number; readonly routingId: number } };
  readonly senderFrame: SenderFrameLike | null;
}

export interface IpcMainPort {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>): void;
}

export interface RegisterOptions {
  /** True only for the webContents of windows this app created. */
  isTrustedWebContents: (webContentsId: number) => boolean;
  onInternalError?: (channel: string, error: unknown) => void;
  onRejectedSender?: (channel: string, url: string | null) => void;
}

const FORBIDDEN: IpcResult<never> = {
  ok: false,
  error: { code: 'forbidden-sender', message: 'Anfrage abgelehnt: Sie stammt nicht aus dem Quartier-Hauptfenster.' },
};

/**
 * Accepts a call only from the top-level frame of one of our windows showing
 * app://quartier/. A frame that navigated elsewhere, a subframe (even one
 * on our origin) or a destroyed frame (null) is refused.
 */
export function isTrustedSender(event: IpcEventLike, isTrustedWebContents: (id: number) => boolean): boolean {
  const frame = event.senderFrame;
  if (frame === null) return false;
  if (frame.parent !== null) return false;
  const main = event.sender.mainFrame;
  if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  if (!isTrustedWebContents(event.sender.id)) return false;
  return isAppUrl(frame.url);
}

export function registerIpcHandlers(ipcMain: IpcMainPort, handlers: HandlerMap, options: RegisterOptions): void {
  const dispatch = createDispatcher(handlers, options.onInternalError);
  for (const channel of Object.keys(channels)) {
    ipcMain.handle(channel, async (event, ...args) => {
      if (!isTrustedSender(event, options.isTrustedWebContents)) {
        options.onRejectedSender?.(channel, event.senderFrame?.url ?? null);
        return FORBIDDEN;
      }
      // Exactly one argument (the request object); extra arguments are a contract violation.
      if (args.length !== 1) {
        return {
          ok: false,
          error: { code: 'invalid-request', message: `Ungültige Anfrage an „${channel}“: genau ein Anfrageobjekt erwartet.` },
        } satisfies IpcResult<never>;
      }
      return dispatch(channel, args[0]);
    });
  }
}
