/**
 * The portal's own certificate authority. On first use it creates a self-signed root (RSA 3072, SHA-256,
 * CN 执业注册平台 电子认证根证书) and a 256-bit key-encryption key (KEK) under `${PORTAL_DATA_DIR ?? ".data"}/pki/`:
 *
 *   pki/ca/key.pem   root private key (mode 0600)
 *   pki/ca/cert.pem  root certificate
 *   pki/kek.key      base64 KEK used to encrypt subjects' private keys in `signing_identities` (mode 0600)
 *
 * `.data/` is git-ignored; nothing here is ever written into the repository. Creation is race-safe across
 * processes: the CA is built in a private temp directory and renamed into place (rename of a directory onto an
 * existing non-empty one fails, so the first writer wins and the others read the winner's files); the KEK file is
 * published with link(2), which also refuses to overwrite.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import forge from "node-forge";
import { configuredCa, configuredKek, mayMintNodeLocalKeys, previousKeks, refuseNodeLocal } from "./key-source";
import { addYears, dnAttributes, generateRsaKeyPair, notBeforeFor, randomSerialHex } from "./x509";

export const ROOT_CA_COMMON_NAME = "执业注册平台 电子认证根证书";
const ROOT_CA_ORGANIZATION = "执业注册平台";

export interface CertificateAuthority {
  readonly certificatePem: string;
  readonly privateKeyPem: string;
  readonly certificate: forge.pki.Certificate;
  readonly privateKey: forge.pki.rsa.PrivateKey;
}

export function pkiDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.PORTAL_DATA_DIR ?? ".data", "pki");
}

export interface CreateRootOptions {
  readonly commonName?: string;
  readonly bits?: 2048 | 3072 | 4096;
  readonly now?: Date;
  readonly validityYears?: number;
}

/** Pure: a new self-signed root CA (no files). Used by `getCertificateAuthority` and by tests for foreign CAs. */
export async function createRootCertificateAuthority(options: CreateRootOptions = {}): Promise<CertificateAuthority> {
  const now = options.now ?? new Date();
  const { privateKeyPem, publicKeyPem } = await generateRsaKeyPair(options.bits ?? 3072);
  const privateKey = forge.pki.privateKeyFromPem(privateKeyPem);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKeyPem);
  cert.serialNumber = randomSerialHex();
  cert.validity.notBefore = notBeforeFor(now);
  cert.validity.notAfter = addYears(now, options.validityYears ?? 20);
  const dn = dnAttributes({
    commonName: options.commonName ?? ROOT_CA_COMMON_NAME,
    organization: ROOT_CA_ORGANIZATION,
    country: "CN",
  });
  cert.setSubject(dn);
  cert.setIssuer(dn);
  cert.setExtensions([
    { name: "basicConstraints", cA: true, critical: true },
    { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
    { name: "subjectKeyIdentifier" },
  ]);
  cert.sign(privateKey, forge.md.sha256.create());
  // Re-parse so in-memory and on-disk CAs behave identically (forge keeps parsed UTF8String values as UTF-8 bytes).
  return loadCertificateAuthority(forge.pki.certificateToPem(cert), privateKeyPem);
}

function loadCertificateAuthority(certificatePem: string, privateKeyPem: string): CertificateAuthority {
  return {
    certificatePem,
    privateKeyPem,
    certificate: forge.pki.certificateFromPem(certificatePem),
    privateKey: forge.pki.privateKeyFromPem(privateKeyPem),
  };
}

async function readIfExists(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
}

async function loadOrCreateCa(dir: string): Promise<CertificateAuthority> {
  const caDir = path.join(dir, "ca");
  const read = async () => {
    const [cert, key] = await Promise.all([
      readIfExists(path.join(caDir, "cert.pem")),
      readIfExists(path.join(caDir, "key.pem")),
    ]);
    return cert && key ? loadCertificateAuthority(cert, key) : null;
  };
  const existing = await read();
  if (existing) return existing;

  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const ca = await createRootCertificateAuthority();
  const tmp = await fs.mkdtemp(path.join(dir, ".ca-"));
  try {
    await fs.writeFile(path.join(tmp, "key.pem"), ca.privateKeyPem, { mode: 0o600 });
    await fs.writeFile(path.join(tmp, "cert.pem"), ca.certificatePem, { mode: 0o644 });
    await fs.chmod(tmp, 0o700);
    try {
      await fs.rename(tmp, caDir);
      return ca;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== "ENOTEMPTY" && code !== "EEXIST") throw e;
    }
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
  const winner = await read(); // another process published its CA first
  if (!winner) throw new Error(`PKI directory ${caDir} exists but holds no complete CA`);
  return winner;
}

async function loadOrCreateKek(dir: string): Promise<Buffer> {
  const file = path.join(dir, "kek.key");
  const parse = (text: string) => {
    const key = Buffer.from(text.trim(), "base64");
    if (key.length !== 32) throw new Error(`${file} does not hold a 256-bit key`);
    return key;
  };
  const existing = await readIfExists(file);
  if (existing !== null) return parse(existing);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = path.join(dir, `.kek-${process.pid}-${randomBytes(6).toString("hex")}`);
  await fs.writeFile(tmp, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600 });
  try {
    await fs.link(tmp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  } finally {
    await fs.rm(tmp, { force: true });
  }
  return parse(await fs.readFile(file, "utf8"));
}

type Holder = { ca: Map<string, Promise<CertificateAuthority>>; kek: Map<string, Promise<Buffer>> };
const processGlobal = globalThis as { __portalPki?: Holder };
processGlobal.__portalPki ??= { ca: new Map(), kek: new Map() };
const holder = processGlobal.__portalPki;

function memo<T>(map: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let p = map.get(key);
  if (!p) {
    p = make();
    p.catch(() => map.delete(key));
    map.set(key, p);
  }
  return p;
}

/**
 * The portal root CA: from configuration when set (every node the same, see key-source.ts); otherwise, on a single
 * node, created on first use under PORTAL_DATA_DIR. A node on shared storage refuses to create one. Cached per process.
 */
export function getCertificateAuthority(): Promise<CertificateAuthority> {
  const shared = configuredCa();
  if (shared)
    return memo(holder.ca, `config:${shared.certificatePem}`, async () =>
      loadCertificateAuthority(shared.certificatePem, shared.privateKeyPem),
    );
  if (!mayMintNodeLocalKeys()) return Promise.reject(refuseNodeLocalCa());
  const dir = pkiDir();
  return memo(holder.ca, dir, () => loadOrCreateCa(dir));
}

function refuseNodeLocalCa(): Error {
  try {
    return refuseNodeLocal("The portal CA", "PORTAL_CA_CERT_FILE and PORTAL_CA_KEY_FILE");
  } catch (e) {
    return e as Error;
  }
}

/** The 32-byte key-encryption key new signing keys are encrypted under: configured, or per node as for the CA. */
export async function getKeyEncryptionKey(): Promise<Buffer> {
  const shared = configuredKek();
  if (shared) return shared;
  if (!mayMintNodeLocalKeys()) refuseNodeLocal("The key-encryption key", "PORTAL_KEK_FILE");
  const dir = pkiDir();
  return memo(holder.kek, dir, () => loadOrCreateKek(dir));
}

/** Every KEK a stored key may be encrypted under: the current one first, then those retired by a rotation. */
export async function getKeyEncryptionKeys(): Promise<Buffer[]> {
  return [await getKeyEncryptionKey(), ...previousKeks()];
}
