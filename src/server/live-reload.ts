/**
 * The live-reload channel: a WebSocket (from `ws`) at LIVE_RELOAD_PATH on
 * the same HTTP server. Only pages we served may connect: the upgrade must
 * pass the Host check and carry an `Origin` equal to our own.
 */

import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { isAllowedHost, isSameOrigin, type HostPolicy } from './host-check.js';
import { LIVE_RELOAD_PATH, type ServerMessage } from './protocol.js';

export interface LiveReload {
  broadcast(message: ServerMessage): void;
  clients(): number;
  close(): void;
}

function refuse(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** Attaches the channel to `server`; `greeting` is sent to every new client. */
export function attachLiveReload(server: http.Server, policy: HostPolicy, greeting: () => ServerMessage): LiveReload {
  const sockets = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const pathname = (req.url ?? '').replace(/[?#].*$/s, '');
    if (pathname !== LIVE_RELOAD_PATH) return refuse(socket, '404 Not Found');
    const host = req.headers.host;
    if (!isAllowedHost(host, policy) || !isSameOrigin(req.headers.origin, host)) {
      return refuse(socket, '403 Forbidden');
    }
    sockets.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      ws.on('error', () => ws.terminate());
      ws.send(JSON.stringify(greeting()));
    });
  });
  return {
    broadcast(message) {
      const data = JSON.stringify(message);
      for (const ws of sockets.clients) if (ws.readyState === ws.OPEN) ws.send(data);
    },
    clients: () => sockets.clients.size,
    close() {
      for (const ws of sockets.clients) ws.terminate();
      sockets.close();
    },
  };
}
