/** ANSI colours, or plain text when colour is off. */

export interface Palette {
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly red: (s: string) => string;
  readonly green: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly cyan: (s: string) => string;
}

const sgr = (open: number, close: number) => (s: string): string => (s === "" ? s : `\x1b[${open}m${s}\x1b[${close}m`);

const COLOURS: Palette = {
  bold: sgr(1, 22),
  dim: sgr(2, 22),
  red: sgr(31, 39),
  green: sgr(32, 39),
  yellow: sgr(33, 39),
  cyan: sgr(36, 39),
};

const plain = (s: string): string => s;
const PLAIN: Palette = { bold: plain, dim: plain, red: plain, green: plain, yellow: plain, cyan: plain };

export function palette(colour: boolean): Palette {
  return colour ? COLOURS : PLAIN;
}
