/**
 * Subjects' private keys are stored encrypted with AES-256-GCM under the portal KEK. The owner (kind:id) is bound
 * as additional authenticated data, so a key copied onto another owner's row fails to decrypt.
 * Format: `v1.<base64url iv>.<base64url tag>.<base64url ciphertext>`.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

export function encryptPrivateKey(privateKeyPem: string, kek: Buffer, aad: string): string {
  if (kek.length !== 32) throw new Error("KEK must be 32 bytes");
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", kek, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(privateKeyPem, "utf8"), cipher.final()]);
  return [
    "v1",
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    ciphertext.toString("base64url"),
  ].join(".");
}

export function decryptPrivateKey(encrypted: string, kek: Buffer, aad: string): string {
  const [version, iv, tag, data] = encrypted.split(".");
  if (version !== "v1" || !iv || !tag || data === undefined)
    throw new Error("unrecognised encrypted private key format");
  const decipher = createDecipheriv("aes-256-gcm", kek, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

export function ownerAad(kind: string, id: string): string {
  return `signing-identity:${kind}:${id}`;
}
