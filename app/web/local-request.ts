// Whether a request comes from this machine itself: a loopback address, sent to a loopback
// host name, and not relayed by a proxy. A proxy on the same host makes every request look
// local, and a DNS-rebinding page in the developer's browser reaches 127.0.0.1 under a foreign
// name: both are refused.

const LOOPBACK_HOSTS = /^(localhost|[a-z0-9-]+\.localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?$/i;
const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip'];

export function isLoopbackAddress(ip: string): boolean {
  const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  return /^127(\.\d{1,3}){3}$/.test(v4) || ip === '::1';
}

export function isLocalRequest(clientIp: string, headers: Headers): boolean {
  if (!isLoopbackAddress(clientIp)) return false;
  if (PROXY_HEADERS.some((h) => headers.has(h))) return false;
  return LOOPBACK_HOSTS.test(headers.get('host') ?? '');
}
