import { randomBytes } from "node:crypto";
import { configuredSecret, mayMintNodeLocalKeys } from "./pki/key-source";

type Holder = { devSecret?: string };
const processGlobal = globalThis as { __portalSecret?: Holder };
processGlobal.__portalSecret ??= {};
const holder = processGlobal.__portalSecret;

/**
 * Key for session JWTs and captcha signatures: NEXTAUTH_SECRET (the start script generates one into .data/ and
 * exports it). Outside production we fall back to a random per-process secret so `next dev` and tests work without
 * setup; the price is that sessions and pending captchas die when the process restarts, which is harmless there.
 * In production a missing secret is a configuration error: guessing or sharing a default would let anyone forge
 * sessions, so we refuse to run instead.
 */
export function authSecret(): string {
  const s = configuredSecret("NEXTAUTH_SECRET");
  if (s) return s;
  // One of several nodes: a per-process secret would sign sessions the other nodes reject (issue 11).
  if (process.env.NODE_ENV === "production" || !mayMintNodeLocalKeys()) {
    throw new Error("NEXTAUTH_SECRET is not set. Start the portal with `npm start` (it generates one) or set it.");
  }
  holder.devSecret ??= randomBytes(32).toString("base64url");
  return holder.devSecret;
}
