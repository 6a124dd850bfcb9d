/**
 * Where to go after signing in. Only paths inside this app are accepted: anything else (another origin,
 * a protocol-relative "//host" URL, the sign-in page itself) falls back to the dashboard, so a crafted
 * link cannot bounce a freshly signed-in user to a foreign site.
 */
export function safeRedirectTarget(target: unknown): string {
  if (typeof target !== 'string' || !target.startsWith('/')) return '/';
  if (target.startsWith('//') || target.startsWith('/\\')) return '/';
  if (target === '/sign-in' || target.startsWith('/sign-in?') || target.startsWith('/sign-in/')) return '/';
  return target;
}

/** Search params for /sign-in that bring the person back to `href` afterwards (omitted for the dashboard). */
export function signInSearch(href: string): { redirect?: string } {
  const target = safeRedirectTarget(href);
  return target === '/' ? {} : { redirect: target };
}
