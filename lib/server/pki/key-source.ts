/**
 * Where the CA key, the key-encryption key (KEK) and the session secret come from when several app nodes serve one
 * portal: configuration every node reads — a secret file (Kubernetes/Docker secrets, a root-only file placed by
 * configuration management) or the environment. A node that keeps its files in shared storage (STORAGE_BACKEND=s3)
 * is one of several by definition, so it must never mint its own CA or KEK: a second CA would issue certificates
 * the others' verification rejects, and a second KEK could not decrypt the signing keys the others stored.
 *
 *   PORTAL_CA_CERT_FILE / PORTAL_CA_CERT   root certificate (PEM)
 *   PORTAL_CA_KEY_FILE  / PORTAL_CA_KEY    root private key (PEM)
 *   PORTAL_KEK_FILE     / PORTAL_KEK       256-bit KEK, base64
 *   PORTAL_KEK_PREVIOUS_FILE / PORTAL_KEK_PREVIOUS   earlier KEKs (base64, comma-separated) still accepted for
 *                                          decryption during a rotation (docs/deploy.md, "Key rotation")
 *   NEXTAUTH_SECRET_FILE / NEXTAUTH_SECRET  session signing secret
 *
 * Without any of these, a single node keeps the old behaviour: it creates them once under PORTAL_DATA_DIR.
 */
import fs from "node:fs";
import { usesSharedStorage } from "@/lib/server/storage";

/** `NAME` from the environment, or the contents of the file named by `NAME_FILE` (trailing newline dropped). */
export function configuredSecret(name: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const file = env[`${name}_FILE`];
  if (file) {
    try {
      return fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8").trim();
    } catch (e) {
      throw new Error(`${name}_FILE=${file} cannot be read: ${(e as Error).message}`);
    }
  }
  const value = env[name];
  return value ? value.replace(/\\n/g, "\n").trim() : null;
}

function parseKek(text: string, source: string): Buffer {
  const key = Buffer.from(text.trim(), "base64");
  if (key.length !== 32) throw new Error(`${source} must be a base64 256-bit key (32 bytes), got ${key.length} bytes`);
  return key;
}

export function configuredCa(
  env: NodeJS.ProcessEnv = process.env,
): { certificatePem: string; privateKeyPem: string } | null {
  const certificatePem = configuredSecret("PORTAL_CA_CERT", env);
  const privateKeyPem = configuredSecret("PORTAL_CA_KEY", env);
  if (!certificatePem && !privateKeyPem) return null;
  if (!certificatePem || !privateKeyPem) {
    throw new Error("Set both PORTAL_CA_CERT(_FILE) and PORTAL_CA_KEY(_FILE): one without the other cannot sign.");
  }
  return { certificatePem: `${certificatePem}\n`, privateKeyPem: `${privateKeyPem}\n` };
}

export function configuredKek(env: NodeJS.ProcessEnv = process.env): Buffer | null {
  const text = configuredSecret("PORTAL_KEK", env);
  return text ? parseKek(text, "PORTAL_KEK") : null;
}

export function previousKeks(env: NodeJS.ProcessEnv = process.env): Buffer[] {
  const text = configuredSecret("PORTAL_KEK_PREVIOUS", env);
  if (!text) return [];
  return text
    .split(/[,\s]+/)
    .filter(Boolean)
    .map((k, i) => parseKek(k, `PORTAL_KEK_PREVIOUS[${i}]`));
}

/** Thrown instead of minting node-local keys on a node that shares its storage with others. */
export function refuseNodeLocal(what: string, variables: string): never {
  throw new Error(
    `${what} is not configured, and this node uses shared storage (STORAGE_BACKEND=s3 or PORTAL_CLUSTER=1), so it ` +
      `must not create its own. ` +
      `Give every node the same ${variables} (see docs/deploy.md; \`npm run pki:init\` creates them once).`,
  );
}

/**
 * False on a node that is (or may be) one of several: it stores files in shared storage, or the operator says so
 * with PORTAL_CLUSTER=1 (e.g. several nodes on a shared filesystem). Such a node reads keys and secrets from
 * configuration and never creates them.
 */
export function mayMintNodeLocalKeys(env: NodeJS.ProcessEnv = process.env): boolean {
  return !usesSharedStorage(env) && !/^(1|true|yes)$/i.test(env.PORTAL_CLUSTER ?? "");
}
