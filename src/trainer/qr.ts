// QR codes of assignment links, drawn as one SVG path from the module matrix that uqr computes. The SVG is
// built with DOM calls by the caller (never parsed from a string), and this part stays pure and testable.
import { encode } from 'uqr';

/** Beyond this a QR code is too dense for a phone camera across a classroom (version 25 ≈ 1800 characters). */
export const MAX_QR_TEXT = 1_800;

export interface QrShape {
  /** Width and height in modules, quiet zone included. */
  size: number;
  /** SVG path data: one unit square per dark module. */
  path: string;
}

export function qrShape(text: string): QrShape | undefined {
  if (text.length > MAX_QR_TEXT) return undefined;
  // M: 15 % error correction survives a smudged projector or a printed copy; border 4 is the standard quiet zone.
  const { data, size } = encode(text, { ecc: 'M', border: 4 });
  const parts: string[] = [];
  data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) parts.push(`M${x} ${y}h1v1h-1z`);
    });
  });
  return { size, path: parts.join('') };
}
