/**
 * Who may talk to the server. A page on any web site can make the browser
 * request `http://127.0.0.1:8000/` under a domain it controls (DNS
 * rebinding), so requests must name us in their `Host` header, and the
 * live-reload socket must come from a page we served (same `Origin`).
 */

import net from 'node:net';

/** Whether `host` (a --host value) keeps the server on this machine. */
export function isLoopback(host: string): boolean {
  const name = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (net.isIPv4(name)) return name.startsWith('127.');
  if (net.isIPv6(name)) return name === '::1' || /^::ffff:127\./.test(name);
  return false;
}

/** The host name of a `Host` header (`name`, `name:port`, `[v6]:port`). */
export function hostName(header: string): string {
  const trimmed = header.trim().toLowerCase();
  if (trimmed.startsWith('[')) return trimmed.slice(1, trimmed.indexOf(']') > 0 ? trimmed.indexOf(']') : undefined);
  const colon = trimmed.indexOf(':');
  return colon >= 0 && trimmed.indexOf(':', colon + 1) < 0 ? trimmed.slice(0, colon) : trimmed;
}

export interface HostPolicy {
  /** The address the server is bound to, as given to --host. */
  bound: string;
  /** The user opened the server to the network: any Host is fine. */
  open: boolean;
}

export function createHostPolicy(bound: string): HostPolicy {
  return { bound, open: !isLoopback(bound) };
}

export function isAllowedHost(header: string | undefined, policy: HostPolicy): boolean {
  if (policy.open) return true;
  if (!header) return false;
  const name = hostName(header);
  return name === hostName(policy.bound) || isLoopback(name);
}

/** Same origin: the page that opens the socket was served under this Host. */
export function isSameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin || !host) return false;
  return origin.toLowerCase() === `http://${host.toLowerCase()}`;
}
