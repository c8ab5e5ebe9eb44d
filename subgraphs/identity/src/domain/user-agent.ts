/*
 * A short, human summary of a User-Agent header for the sessions list ("Chrome on Linux"). Only the
 * browser family and operating system are named: versions change weekly and would make one device
 * look like many. Order matters, as browsers claim each other's names (Edge and Opera say Chrome,
 * Chrome says Safari).
 */

const BROWSERS: [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\bOPR\/|\bOpera\b/, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
  // Headless Chrome (automation) says HeadlessChrome/.
  [/\b(Headless)?Chrom(e|ium)\/|\bCriOS\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
  [/^curl\//, 'curl'],
  [/^node\b|\bundici\b|^node-fetch/i, 'Node.js'],
  [/^python-requests\/|^Python-urllib/, 'Python'],
  [/^Go-http-client\//, 'Go'],
];

const SYSTEMS: [RegExp, string][] = [
  [/\bAndroid\b/, 'Android'],
  [/\biPhone\b|\biPad\b|\biPod\b/, 'iOS'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b|\bX11\b/, 'Linux'],
];

/** "Chrome on Linux", "Firefox", "Unknown client" (no header), or the header's first word for anything else. */
export function summarizeUserAgent(userAgent: string | null): string {
  if (!userAgent?.trim()) return 'Unknown client';
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const name = browser ?? (userAgent.trim().split(/[\s/;(]/)[0] || 'Unknown client').slice(0, 40);
  return system ? `${name} on ${system}` : name;
}
