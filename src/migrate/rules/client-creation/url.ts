/**
 * aioredis 1.x understood three query options that redis-py does not (§3.2): `?timeout=` (connect timeout),
 * `?ssl=true|false` (TLS on a `redis://` URL) and `?encoding=` (which also *decoded* replies). redis-py passes unknown
 * query options on to `Connection(...)`, so the first command fails with a `TypeError`; `?encoding=` is accepted but
 * only selects the codec.
 */

export type UrlScheme = "redis" | "rediss" | "unix";

export interface UrlRewrite {
  readonly url: string;
  readonly scheme: UrlScheme;
  /** `?encoding=` was present: the client needs `decode_responses=True` to keep returning `str`. */
  readonly decode: boolean;
  /** TLS was asked for (`?ssl=true` or the `ssl=True` keyword) on a `unix://` URL, which redis-py cannot express. */
  readonly sslOnUnix: boolean;
  /** What changed, for the reviewer (empty when the URL is kept as it was). */
  readonly changes: readonly string[];
}

const SCHEME = /^(rediss?|unix):\/\//i;

/** The URL scheme of an aioredis address string, or null for a bare socket path (or anything else). */
export function urlScheme(address: string): UrlScheme | null {
  const m = SCHEME.exec(address);
  return m ? (m[1]!.toLowerCase() as UrlScheme) : null;
}

/**
 * Rewrites an aioredis 1.x URL into one redis-py accepts with the same meaning. `forceSsl` is the factory's `ssl=True`
 * keyword, which `from_url` cannot take (it would reach `Connection(ssl=...)`), so it becomes the `rediss://` scheme.
 */
export function rewriteAioredisUrl(url: string, forceSsl = false): UrlRewrite {
  const scheme = urlScheme(url);
  if (!scheme) throw new Error(`not a redis URL: ${url}`);
  const q = url.indexOf("?");
  const base = q === -1 ? url : url.slice(0, q);
  const params = q === -1 ? [] : url.slice(q + 1).split("&");
  const kept: string[] = [];
  const changes: string[] = [];
  let ssl = forceSsl;
  let decode = false;
  for (const p of params) {
    const eq = p.indexOf("=");
    const key = eq === -1 ? p : p.slice(0, eq);
    const value = eq === -1 ? "" : p.slice(eq + 1);
    if (key === "timeout") {
      kept.push(`socket_connect_timeout=${value}`);
      changes.push("`?timeout=` → `?socket_connect_timeout=`");
    } else if (key === "ssl") {
      if (value === "true") ssl = true;
      changes.push("`?ssl=` dropped");
    } else {
      if (key === "encoding") decode = true;
      kept.push(p);
    }
  }
  let newBase = base;
  let newScheme = scheme;
  if (ssl && scheme === "redis") {
    newBase = "rediss" + base.slice("redis".length);
    newScheme = "rediss";
    changes.push("TLS → `rediss://`");
  }
  const query = kept.length > 0 ? "?" + kept.join("&") : "";
  return {
    url: newBase + query,
    scheme: newScheme,
    decode,
    sslOnUnix: ssl && scheme === "unix",
    changes,
  };
}
