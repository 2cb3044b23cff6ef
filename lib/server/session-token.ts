import { hkdfSync, randomUUID } from "node:crypto";
import { EncryptJWT, errors, jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";

/**
 * The session cookie's codec: exactly next-auth v4's token format (JWE, `dir` + A256GCM, the key derived from the
 * secret with HKDF-SHA-256 and next-auth's info string), so cookies written by either side read on the other. The only
 * difference is that the key is derived once per secret instead of on every call: next-auth derives it on every
 * encode and decode, and a request decodes or encodes the session three or four times (proxy, session check and its
 * cookie renewal, request log) — ≈ 15 % of a save's CPU before this (issue 12).
 */
const keys = new Map<string, Uint8Array>();

function keyFor(secret: JWTEncodeParams["secret"], salt = ""): Uint8Array {
  const material = typeof secret === "string" ? secret : secret.toString("base64");
  const id = `${salt}\u0000${material}`;
  let key = keys.get(id);
  if (!key) {
    const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`;
    key = new Uint8Array(hkdfSync("sha256", secret, salt, info, 32));
    // A handful of secrets per process at most (the configured one; tests mint a few).
    if (keys.size > 16) keys.clear();
    keys.set(id, key);
  }
  return key;
}

const DEFAULT_MAX_AGE = 30 * 24 * 60 * 60;

export async function encodeSessionToken({ token = {}, secret, maxAge = DEFAULT_MAX_AGE, salt }: JWTEncodeParams) {
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT(token)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt(now)
    .setExpirationTime(now + maxAge)
    .setJti(randomUUID())
    .encrypt(keyFor(secret, salt));
}

/**
 * Tokens already opened, by their exact text: a browser sends the same cookie on every request until it is re-issued,
 * and each request opens it twice (the request log, the session check). The text is authenticated ciphertext, so the
 * same text can only mean the same payload; the expiry is still checked on every use, and callers get a copy (the
 * jwt callback edits the token it is given).
 */
const opened = new Map<string, { key: Uint8Array; payload: JWT & { exp?: number } }>();
const OPENED_MAX = 4096;
const CLOCK_TOLERANCE_S = 15;

export async function decodeSessionToken({ token, secret, salt }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const key = keyFor(secret, salt);
  const known = opened.get(token);
  if (known && known.key === key) {
    if (typeof known.payload.exp === "number" && known.payload.exp + CLOCK_TOLERANCE_S > Date.now() / 1000)
      return { ...known.payload };
    opened.delete(token);
    throw new errors.JWTExpired('"exp" claim timestamp check failed', "exp", "check_failed");
  }
  const { payload } = await jwtDecrypt(token, key, { clockTolerance: CLOCK_TOLERANCE_S });
  if (opened.size >= OPENED_MAX) opened.delete(opened.keys().next().value!);
  opened.set(token, { key, payload: payload as JWT });
  return { ...(payload as JWT) };
}
