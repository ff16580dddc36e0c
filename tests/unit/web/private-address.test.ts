import { describe, expect, it } from 'vitest';
import { hostIsPrivate, isPrivateAddress, redirectRefusal, type Lookup } from '../../../electron/articles/private-address';

const names: Record<string, string[]> = { 'news.example': ['93.184.216.34'], 'rebind.example': ['93.184.216.35', '10.0.0.7'], 'router.example': ['192.168.1.1'] };
const lookup: Lookup = async (host) => {
  const found = names[host];
  if (!found) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
  return found.map((address) => ({ address }));
};

describe('isPrivateAddress', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.0.10', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd12:3456::1', '[::1]', '::ffff:127.0.0.1'])('%s is private', (ip) => {
    expect(isPrivateAddress(ip)).toBe(true);
  });
  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8', 'not-an-ip'])('%s is not', (ip) => {
    expect(isPrivateAddress(ip)).toBe(false);
  });
});

describe('hostIsPrivate', () => {
  it('classifies literal addresses, localhost and resolved names (any private address counts)', async () => {
    expect(await hostIsPrivate('localhost', lookup)).toBe(true);
    expect(await hostIsPrivate('app.localhost', lookup)).toBe(true);
    expect(await hostIsPrivate('router.example', lookup)).toBe(true);
    expect(await hostIsPrivate('rebind.example', lookup)).toBe(true);
    expect(await hostIsPrivate('news.example', lookup)).toBe(false);
    expect(await hostIsPrivate('nowhere.example', lookup)).toBe(false);
  });
});

describe('redirectRefusal', () => {
  const u = (s: string) => new URL(s);
  it('refuses a public page redirecting into the local machine or network', async () => {
    expect(await redirectRefusal(u('http://news.example/a'), u('http://169.254.169.254/latest/meta-data/'), lookup)).toMatch(/^news\.example redirected to an address on this computer or its local network \(169\.254\.169\.254\)/);
    expect(await redirectRefusal(u('http://news.example/a'), u('http://router.example/'), lookup)).toMatch(/local network/);
  });
  it('refuses a step down from https to http', async () => {
    expect(await redirectRefusal(u('https://news.example/a'), u('http://news.example/b'), lookup)).toMatch(/secure \(https\) address to an insecure one/);
  });
  it('follows public to public, http to https, and a local page within the local network', async () => {
    expect(await redirectRefusal(u('http://news.example/a'), u('https://news.example/b'), lookup)).toBeNull();
    expect(await redirectRefusal(u('http://127.0.0.1:8080/a'), u('http://127.0.0.1:8080/b'), lookup)).toBeNull();
    expect(await redirectRefusal(u('http://router.example/'), u('http://192.168.1.1/login'), lookup)).toBeNull();
  });
});
