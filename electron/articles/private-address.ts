// A web page the user opens may redirect, but not into the user's own machine or network
// (a router's admin page, a local service, a cloud metadata address): what comes back would
// be read aloud and kept in the recent list. An address the user typed is theirs to open.
import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
  ['172.16.0.0', 12], ['192.168.0.0', 16], ['198.18.0.0', 15],
] as const) PRIVATE.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10]] as const) PRIVATE.addSubnet(net, prefix, 'ipv6');

/** True for loopback, link-local, private-network, shared and unspecified addresses (v4, v6, v4-mapped v6). */
export function isPrivateAddress(ip: string): boolean {
  const bare = ip.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 4) return PRIVATE.check(bare, 'ipv4');
  if (family !== 6) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  return mapped ? PRIVATE.check(mapped[1]!, 'ipv4') : PRIVATE.check(bare, 'ipv6');
}

export type Lookup = (host: string) => Promise<readonly { address: string }[]>;
const systemLookup: Lookup = (host) => dnsLookup(host, { all: true });

/** Whether a host name points into the user's machine or network. Unresolvable: no (fetch reports it). */
export async function hostIsPrivate(hostname: string, lookup: Lookup = systemLookup): Promise<boolean> {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (isIP(host)) return isPrivateAddress(host);
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  try {
    return (await lookup(host)).some((a) => isPrivateAddress(a.address));
  } catch {
    return false;
  }
}

/** Why a redirect is not followed, or null: no step from a public page into a private address, and no https -> http. */
export async function redirectRefusal(from: URL, to: URL, lookup?: Lookup): Promise<string | null> {
  if (from.protocol === 'https:' && to.protocol === 'http:') {
    return `${from.hostname} redirected from a secure (https) address to an insecure one, so the page was not opened.`;
  }
  if (!(await hostIsPrivate(from.hostname, lookup)) && (await hostIsPrivate(to.hostname, lookup))) {
    return `${from.hostname} redirected to an address on this computer or its local network (${to.hostname}), so the page was not opened.`;
  }
  return null;
}
