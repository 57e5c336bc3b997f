/**
 * A lexical scan of a Python module that splits it into its top-level statements without parsing it: each chunk
 * starts at a line that begins in column 0 outside brackets, strings and continuations (decorators and the
 * `else`/`elif`/`except`/`finally` clauses of a compound statement stay with their statement), and runs to the next.
 * Per chunk it records the names spelled in code the way `ModuleFacts.usedNames` counts them (identifiers, not
 * attribute names, keyword-argument names, strings or comments), so the engine can leave chunks out of the parse.
 *
 * It only has to be right for valid Python; on anything else the engine notices (the masked text does not parse)
 * and parses the whole module instead.
 */

export interface TopLevelChunk {
  /** Offset of the chunk's first character (column 0 of its first line). */
  readonly start: number;
  /** Offset of the next chunk's first character, or the text's length. */
  readonly end: number;
  /** Names spelled in the chunk's code: identifiers other than attribute names and keyword-argument names. */
  readonly identifiers: ReadonlySet<string>;
  /** Names the chunk binds at module level: `def NAME`, `class NAME`, `NAME = …` (first target only). */
  readonly defines: string | undefined;
  /** `NAME = <literal>` (a string, number, tuple, list, dict…): a module constant rules may resolve and rewrite. */
  readonly definesLiteral: boolean;
  readonly isImport: boolean;
  /** Unbalanced brackets or an unterminated string: not valid Python, so the parse must see it (and report it). */
  readonly malformed: boolean;
}

const CONTINUATION_KEYWORDS = /^(else|elif|except|finally)\b/;
const LITERAL_VALUE = /^[A-Za-z_][A-Za-z0-9_]*[ \t]*(?::[^=\n]*)?=[ \t]*(?:[rRbBuUfF]{0,2}["']|[-+]?[0-9.]|[([{]|True\b|False\b|None\b)/;
const DEFINITION = /^(?:async[ \t]+)?(?:def|class)[ \t]+([A-Za-z_][A-Za-z0-9_]*)|^([A-Za-z_][A-Za-z0-9_]*)[ \t]*(?::[^=\n]*)?=(?!=)/;
const STRING_PREFIX = /^(?:[rRbBuUfFtT]{1,3})$/;

const enum Ch {
  Tab = 9, Newline = 10, FormFeed = 12, Return = 13, Space = 32, Hash = 35, Quote = 34, Apostrophe = 39,
  Backslash = 92, Dot = 46, Equals = 61, Comma = 44, OpenParen = 40, CloseParen = 41, OpenBracket = 91,
  CloseBracket = 93, OpenBrace = 123, CloseBrace = 125, Colon = 58, At = 64, Zero = 48, Nine = 57, Exclamation = 33,
}

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 128;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= Ch.Zero && c <= Ch.Nine);
}

/** Bracket kinds: a call's or class's `(` (keyword arguments possible), a `def`'s parameters, anything else. */
const enum Bracket { Call, Parameters, Other }

class Scanner {
  private i = 0;
  /** The last significant character or token class: tells attribute names (`.x`) and keyword names (`(x=`, `, x=`). */
  private prev = 0;
  private prevWord = "";
  private prevPrevWord = "";
  private readonly brackets: Bracket[] = [];
  private names = new Set<string>();
  private malformed = false;
  /** At the first token of a logical line; inside an import statement (whose dotted names are identifiers too). */
  private statementStart = true;
  private inImport = false;

  constructor(private readonly text: string) {}

  scan(): TopLevelChunk[] {
    const { text } = this;
    const chunks: TopLevelChunk[] = [];
    let chunkStart = 0;
    let lastTopLineWasDecorator = false;
    let started = false;
    const close = (end: number): void => {
      const first = text.slice(chunkStart, Math.min(end, chunkStart + 400));
      const head = first.replace(/^(?:[ \t]*(?:#[^\n]*)?\r?\n)*(?:@[^\n]*\n)*/, "");
      const m = DEFINITION.exec(head);
      chunks.push({
        start: chunkStart,
        end,
        identifiers: this.names,
        defines: m ? (m[1] ?? m[2]) : undefined,
        definesLiteral: m?.[2] !== undefined && LITERAL_VALUE.test(head),
        isImport: /^(?:[ \t]*(?:#[^\n]*)?\r?\n)*(?:import|from)[ \t]/.test(first),
        malformed: this.malformed || (end === text.length && this.brackets.length > 0),
      });
      this.names = new Set();
      this.malformed = false;
    };
    let lineStart = true;
    while (this.i < text.length) {
      const c = text.charCodeAt(this.i);
      if (lineStart) {
        lineStart = false;
        const code = c !== Ch.Space && c !== Ch.Tab && c !== Ch.FormFeed && c !== Ch.Return && c !== Ch.Newline && c !== Ch.Hash;
        if (code && this.brackets.length === 0) {
          const continues = lastTopLineWasDecorator || CONTINUATION_KEYWORDS.test(text.slice(this.i, this.i + 8));
          if (!continues && started) {
            close(this.i);
            chunkStart = this.i;
          }
          started = true;
          lastTopLineWasDecorator = c === Ch.At;
        }
      }
      if (c === Ch.Newline) {
        this.i++;
        if (this.brackets.length === 0) {
          lineStart = true;
          this.statementStart = true;
          this.inImport = false;
        }
        continue;
      }
      if (c === Ch.Space || c === Ch.Tab || c === Ch.Return || c === Ch.FormFeed) {
        this.i++;
        continue;
      }
      if (c === Ch.Hash) {
        this.skipToLineEnd();
        continue;
      }
      if (c === Ch.Backslash) {
        // a line continuation: the next line belongs to this logical line
        this.i++;
        if (text.charCodeAt(this.i) === Ch.Return) this.i++;
        if (text.charCodeAt(this.i) === Ch.Newline) this.i++;
        continue;
      }
      if (this.stringOrName(c)) continue;
      if (c >= Ch.Zero && c <= Ch.Nine) {
        this.number();
        continue;
      }
      this.punctuation(c);
    }
    if (started || chunks.length === 0) close(text.length);
    return chunks;
  }

  /** Scans a string literal or a name starting at `this.i` (its first character is `c`); false when it is neither. */
  private stringOrName(c: number): boolean {
    if (c === Ch.Quote || c === Ch.Apostrophe) this.string("");
    else if (isIdentStart(c)) this.word();
    else return false;
    return true;
  }

  private skipToLineEnd(): void {
    const nl = this.text.indexOf("\n", this.i);
    this.i = nl === -1 ? this.text.length : nl;
  }

  private word(): void {
    const { text } = this;
    const start = this.i;
    while (this.i < text.length && isIdentPart(text.charCodeAt(this.i))) this.i++;
    const word = text.slice(start, this.i);
    const next = text.charCodeAt(this.i);
    if ((next === Ch.Quote || next === Ch.Apostrophe) && STRING_PREFIX.test(word)) {
      this.string(word);
      return;
    }
    if (this.statementStart && (word === "import" || word === "from")) this.inImport = true;
    this.statementStart = false;
    if ((this.prev !== Ch.Dot || this.inImport) && !this.isKeywordArgumentName()) this.names.add(word);
    this.prevPrevWord = this.prevWord;
    this.prevWord = word;
    this.prev = 1;
  }

  /** `name=` (not `==`) right after `(` or `,` inside a call's parentheses. */
  private isKeywordArgumentName(): boolean {
    if (this.brackets[this.brackets.length - 1] !== Bracket.Call) return false;
    if (this.prev !== Ch.OpenParen && this.prev !== Ch.Comma) return false;
    let j = this.i;
    const { text } = this;
    while (j < text.length) {
      const c = text.charCodeAt(j);
      if (c === Ch.Space || c === Ch.Tab || c === Ch.Return || c === Ch.Newline || c === Ch.FormFeed) j++;
      else if (c === Ch.Backslash) j++;
      else break;
    }
    return text.charCodeAt(j) === Ch.Equals && text.charCodeAt(j + 1) !== Ch.Equals;
  }

  private number(): void {
    const { text } = this;
    while (this.i < text.length) {
      const c = text.charCodeAt(this.i);
      if (isIdentPart(c) || c === Ch.Dot) this.i++;
      // exponents: 1e-5, 1E+3
      else if ((c === 43 || c === 45) && /[eE]/.test(text[this.i - 1]!) && !/^0[xX]/.test(text.slice(this.i - 20, this.i))) this.i++;
      else break;
    }
    this.prev = 2;
  }

  private punctuation(c: number): void {
    this.i++;
    this.statementStart = c === 59; /* ; */
    if (c === Ch.OpenParen) {
      const isDef = this.prevPrevWord === "def" && this.prev === 1;
      this.brackets.push(isDef ? Bracket.Parameters : this.prev === 1 || this.prev === Ch.CloseParen || this.prev === Ch.CloseBracket || this.prev === 2 ? Bracket.Call : Bracket.Other);
    } else if (c === Ch.OpenBracket || c === Ch.OpenBrace) this.brackets.push(Bracket.Other);
    else if (c === Ch.CloseParen || c === Ch.CloseBracket || c === Ch.CloseBrace) {
      if (this.brackets.length === 0) this.malformed = true;
      this.brackets.pop();
    }
    this.prev = c;
    this.prevPrevWord = this.prevWord;
    this.prevWord = "";
  }

  /** A string literal starting at `this.i` (after its prefix). f-strings: names in their replacement fields count. */
  private string(prefix: string): void {
    const { text } = this;
    const quote = text.charCodeAt(this.i);
    const triple = text.charCodeAt(this.i + 1) === quote && text.charCodeAt(this.i + 2) === quote;
    this.i += triple ? 3 : 1;
    const formatted = /[fFtT]/.test(prefix);
    this.stringBody(quote, triple, formatted);
    this.prev = 2;
    this.prevWord = "";
  }

  private stringBody(quote: number, triple: boolean, formatted: boolean): void {
    if (!this.stringEnds(quote, triple, formatted)) this.malformed = true;
  }

  /** Scans to the end of a string literal's body; false when it is not terminated. */
  private stringEnds(quote: number, triple: boolean, formatted: boolean): boolean {
    const { text } = this;
    while (this.i < text.length) {
      const c = text.charCodeAt(this.i);
      if (c === Ch.Backslash) {
        this.i += 2;
        continue;
      }
      if (c === quote) {
        if (!triple) {
          this.i++;
          return true;
        }
        if (text.charCodeAt(this.i + 1) === quote && text.charCodeAt(this.i + 2) === quote) {
          this.i += 3;
          return true;
        }
        this.i++;
        continue;
      }
      if (c === Ch.Newline && !triple) return false;
      if (formatted && c === Ch.OpenBrace) {
        if (text.charCodeAt(this.i + 1) === Ch.OpenBrace) {
          this.i += 2;
          continue;
        }
        this.i++;
        this.replacementField();
        continue;
      }
      this.i++;
    }
    return false;
  }

  /** The expression of an f-string's `{…}` (already past `{`), up to its `}`; format specs may nest fields. */
  private replacementField(): void {
    const { text } = this;
    const saved = { prev: this.prev, brackets: this.brackets.length };
    this.prev = Ch.OpenBrace;
    let depth = 0;
    while (this.i < text.length) {
      const c = text.charCodeAt(this.i);
      if (this.stringOrName(c)) continue;
      if (c === Ch.OpenParen || c === Ch.OpenBracket || c === Ch.OpenBrace) depth++;
      else if (c === Ch.CloseParen || c === Ch.CloseBracket) depth--;
      else if (c === Ch.CloseBrace) {
        if (depth === 0) {
          this.i++;
          break;
        }
        depth--;
      } else if (depth === 0 && (c === Ch.Colon || c === Ch.Exclamation) && text.charCodeAt(this.i + 1) !== Ch.Equals) {
        this.formatSpec();
        break;
      }
      if (c === Ch.Dot) this.prev = Ch.Dot;
      else if (c !== Ch.Space) this.prev = c;
      this.i++;
    }
    this.prev = saved.prev;
    this.brackets.length = saved.brackets;
  }

  /** `!r:>{width}}`: skips to the field's closing `}`, reading nested fields. */
  private formatSpec(): void {
    const { text } = this;
    while (this.i < text.length) {
      const c = text.charCodeAt(this.i);
      this.i++;
      if (c === Ch.OpenBrace) this.replacementField();
      else if (c === Ch.CloseBrace) return;
    }
  }
}

/** Splits a module into its top-level statements (see the file comment). */
export function splitTopLevel(text: string): TopLevelChunk[] {
  return new Scanner(text).scan();
}
