/**
 * Password and token hashing with WebCrypto only, so that the same code runs in the Worker, in Node (the seed and
 * the first-admin command) and in tests. Passwords: PBKDF2-SHA-256 at the Workers' maximum of 100,000 iterations,
 * a random 16-byte salt per account, stored as `pbkdf2_sha256$<iterations>$<salt>$<hash>` (base64url) so that the
 * cost can rise later without breaking old hashes. Session ids and invitation tokens: 128 random bits, kept only
 * as their SHA-256.
 */

/** The most PBKDF2 iterations Cloudflare Workers allow (the local runtime does not enforce the cap). */
export const PBKDF2_ITERATIONS = 100_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;
/** Shortest password accepted; long passphrases are welcome (the body limit bounds them). */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

const enc = new TextEncoder();

export function base64url(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64url(s: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    const bin = atob(s.replace(/-/g, "+").replace(/_/g, "/"));
    return Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
  } catch {
    return undefined;
  }
}

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", enc.encode(password), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, key, HASH_BITS);
  return new Uint8Array(bits);
}

/**
 * @example
 *   const stored = await hashPassword("correct horse battery");
 *   await verifyPassword("correct horse battery", stored); // true
 */
export async function hashPassword(password: string, iterations = PBKDF2_ITERATIONS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(password, salt, iterations);
  return `pbkdf2_sha256$${iterations}$${base64url(salt)}$${base64url(hash)}`;
}

/** Constant-time comparison of two byte strings of the same length. */
function same(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iter, saltText, hashText] = stored.split("$");
  const iterations = Number(iter);
  const salt = fromBase64url(saltText ?? "");
  const expected = fromBase64url(hashText ?? "");
  if (scheme !== "pbkdf2_sha256" || !Number.isInteger(iterations) || iterations < 1 || iterations > PBKDF2_ITERATIONS || !salt || !expected) return false;
  return same(await derive(password, salt, iterations), expected);
}

/**
 * A hash to spend the same time on as a real verification when the account does not exist, so that response
 * times do not tell which emails have accounts.
 */
export const DUMMY_HASH = "pbkdf2_sha256$100000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

/** 128 random bits, base64url: a session id or an invitation token. */
export function randomToken(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(16)));
}

/** SHA-256 of a token, hex: what the database keeps instead of the token. */
export async function tokenHash(token: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", enc.encode(token)));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** HMAC-SHA-256 of a value under a secret key, hex: for keys that must not be reversible (erased members). */
export async function keyedHash(secret: string, value: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", enc.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, enc.encode(value)));
  return [...mac].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Random ids for rows: 128 bits, base64url (shorter than a UUID, as unguessable). */
export const newId = randomToken;

/** A receipt code to read back to a member: six characters without look-alikes (0/O, 1/I/L). */
export function receiptCode(): string {
  const alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join("");
}
