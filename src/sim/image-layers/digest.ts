// Content addresses, as OCI writes them: "sha256:" and the lowercase hex SHA-256 of the bytes
// (https://github.com/opencontainers/image-spec/blob/main/descriptor.md#digests). The hash is @noble/hashes'
// pure-JS SHA-256, synchronous in the browser and in Node (WebCrypto's digest is asynchronous), so every
// operation of the model stays a plain function. This file is the only one that imports it.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** An OCI digest: `sha256:` and 64 hex digits. */
export type Digest = `sha256:${string}`;

/** The digest of a string's UTF-8 bytes. */
export function digestOf(text: string): Digest {
  return `sha256:${bytesToHex(sha256(utf8ToBytes(text)))}`;
}

/** Bytes of a string in UTF-8 (the size a file or JSON document takes). */
export function utf8Length(text: string): number {
  return utf8ToBytes(text).length;
}

/**
 * JSON with object keys sorted at every level and no whitespace: one value, one text. Images' configs and
 * manifests are hashed in this form so that equal content always gives equal digests here (real tools hash the
 * exact bytes they wrote, whatever their key order).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The short form tools print: the first 12 hex digits. */
export function shortDigest(digest: string): string {
  return digest.replace(/^sha256:/, '').slice(0, 12);
}
