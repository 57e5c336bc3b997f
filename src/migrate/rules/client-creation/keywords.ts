import type { SyntaxNode } from "../../parser.js";
import type { ArgListEditor } from "./arglist.js";
import { isTruthyLiteral, keywordValue, stringLiteralValue } from "../../syntax.js";

/** What happens to one keyword argument of an aioredis 1.x factory (§3.2). */
export interface KeywordAction {
  /** `keep` also covers keywords left as written for a person to port (redis-py then rejects them loudly). */
  readonly edit: "keep" | "rename" | "drop" | "replace";
  /** The new keyword name (`rename`) or argument text (`replace`). */
  readonly text?: string;
  /** Part of the reviewer's `why`. */
  readonly note?: string;
  /** A manual step to report for this keyword. */
  readonly step?: { readonly what: string; readonly suggestion: string };
}

/** Applies a keyword's action to the call's argument list, collecting its note and manual step. */
export function applyKeywordAction(
  editor: ArgListEditor,
  kw: SyntaxNode,
  action: KeywordAction,
  notes: string[],
  steps: { node: SyntaxNode; what: string; suggestion?: string }[],
): void {
  if (action.edit === "drop") editor.remove(kw);
  else if (action.edit === "rename") editor.rename(kw, action.text!);
  else if (action.edit === "replace") editor.replace(kw, action.text!);
  if (action.note) notes.push(action.note);
  if (action.step) steps.push({ node: kw, ...action.step });
}

export interface KeywordSituation {
  /** The client is built by `from_url` (the address is a URL). */
  readonly fromUrl: boolean;
  /** The keywords go to a connection pool built by hand, which passes them to the connection class. */
  readonly poolKeywords?: boolean;
  /** The URL is a literal in this file, so TLS can be folded into its scheme. */
  readonly literalUrl: boolean;
  /** The call already passes `decode_responses=`. */
  readonly hasDecodeResponses: boolean;
  /** Whether an expression names something from aioredis (its default classes need no porting). */
  isAioredisName(node: SyntaxNode): boolean;
  /** Text for `redis.asyncio.SSLConnection` (asked for only when used). */
  sslConnection(): string;
}

const SSL_KEYWORDS = 'ssl_ca_certs="<CA bundle>", ssl_certfile="<client cert>", ssl_keyfile="<client key>", ssl_cert_reqs="required"';

export function keywordAction(kw: SyntaxNode, name: string, s: KeywordSituation): KeywordAction {
  const value = keywordValue(kw);
  const v = value.text;
  switch (name) {
    case "minsize":
      return { edit: "drop", note: "`minsize` is dropped because redis-py opens pool connections on demand" };
    case "maxsize":
      return {
        edit: "rename",
        text: "max_connections",
        note: "`maxsize` becomes the pool's `max_connections`",
      };
    case "timeout":
    case "create_connection_timeout":
      return { edit: "rename", text: "socket_connect_timeout", note: `\`${name}\` was a connect timeout, now \`socket_connect_timeout\`` };
    case "loop":
      return { edit: "drop", note: "`loop` no longer exists" };
    case "name":
      return { edit: "rename", text: "client_name" };
    case "encoding":
      return encodingAction(value, s);
    case "ssl":
      return sslAction(value, s);
    case "parser":
      // aioredis' own reader, or hiredis: redis-py already picks hiredis when installed, else its Python parser.
      if (s.isAioredisName(value) || /hiredis/i.test(v))
        return { edit: "drop", note: "`parser=` is dropped because redis-py uses hiredis when installed, else its own Python parser" };
      return {
        edit: "drop",
        step: {
          what: `Port the custom reply parser \`${v}\`, which was dropped: redis-py picks its parser with \`parser_class=\` on the connection pool. Subclass \`redis.asyncio.connection.PythonParser\` (or \`HiredisParser\`), or rely on the default (hiredis when installed).`,
          suggestion: "parser_class=redis.asyncio.connection.PythonParser",
        },
      };
    case "connection_cls":
      if (s.isAioredisName(value)) return { edit: "drop", note: "`connection_cls=` named aioredis' default connection class" };
      return {
        edit: "keep",
        step: {
          what: `Port \`${v}\` to a \`redis.asyncio.Connection\` subclass and pass it to the pool as \`connection_class=\`. The aioredis connection class API does not exist in redis-py.`,
          suggestion: s.fromUrl ? `connection_class=${v}` : `connection_pool=redis.asyncio.ConnectionPool(connection_class=${v}, host=..., port=...)`,
        },
      };
    case "pool_cls":
      if (s.isAioredisName(value)) return { edit: "drop", note: "`pool_cls=` named aioredis' default pool class" };
      return {
        edit: "keep",
        step: {
          what: `Port \`${v}\` to a \`redis.asyncio.ConnectionPool\` subclass and pass an instance as \`connection_pool=\`. The aioredis pool class API does not exist in redis-py.`,
          suggestion: `connection_pool=${v}.from_url(...)`,
        },
      };
    default:
      return { edit: "keep" };
  }
}

function encodingAction(value: SyntaxNode, s: KeywordSituation): KeywordAction {
  if (value.text === "None") return { edit: "drop" };
  const text = s.hasDecodeResponses ? `encoding=${value.text}` : `encoding=${value.text}, decode_responses=True`;
  const note = "`encoding=` only picks the codec in redis-py, so `decode_responses=True` keeps replies as `str`";
  if (stringLiteralValue(value) !== null || s.hasDecodeResponses) return { edit: "replace", text, note };
  return {
    edit: "replace",
    text,
    note,
    step: {
      what: `Check that \`${value.text}\` is never None: replies are now decoded because of \`decode_responses=True\`, which aioredis only did when an encoding was set.`,
      suggestion: `decode_responses=${value.text} is not None, encoding=${value.text} or "utf-8"`,
    },
  };
}

function sslAction(value: SyntaxNode, s: KeywordSituation): KeywordAction {
  const truth = isTruthyLiteral(value);
  if (truth === false) return { edit: "drop" };
  if (truth === true) {
    if (!s.fromUrl && !s.poolKeywords) return { edit: "keep" };
    // `from_url` and a connection pool pass unknown keywords to `Connection(...)`, which has no `ssl` parameter.
    if (s.literalUrl) return { edit: "drop", note: "TLS is requested with the `rediss://` scheme" };
    return {
      edit: "replace",
      text: `connection_class=${s.sslConnection()}`,
      note: `${s.fromUrl ? "`from_url` takes TLS from the URL scheme or" : "a connection pool takes TLS as"} \`connection_class=SSLConnection\`, not \`ssl=True\``,
    };
  }
  return {
    edit: "keep",
    step: {
      what: `Replace \`ssl=${value.text}\` with redis-py's TLS keywords. redis.asyncio takes no SSLContext: use a \`rediss://\` URL or \`ssl=True\` with the settings the context was built from (\`ssl_ca_certs\`, \`ssl_certfile\`, \`ssl_keyfile\`, \`ssl_cert_reqs\`, \`ssl_check_hostname\`); a plain bool works only with \`Redis(host=..., ...)\`.`,
      suggestion: s.fromUrl || s.poolKeywords ? `connection_class=redis.asyncio.SSLConnection, ${SSL_KEYWORDS}` : `ssl=True, ${SSL_KEYWORDS}`,
    },
  };
}
