import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import forge from "node-forge";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createSigningIdentity,
  decryptPrivateKey,
  describeCertificate,
  encryptPrivateKey,
  getCertificateAuthority,
  getKeyEncryptionKey,
  ownerAad,
  pkiDir,
  ROOT_CA_COMMON_NAME,
} from "@/lib/server/pki";
import { tempDir } from "./helpers";

let dataDir: string;
const previous = process.env.PORTAL_DATA_DIR;

beforeAll(() => {
  dataDir = tempDir("pki-test-");
  process.env.PORTAL_DATA_DIR = dataDir;
});
afterAll(() => {
  if (previous === undefined) delete process.env.PORTAL_DATA_DIR;
  else process.env.PORTAL_DATA_DIR = previous;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("portal CA", () => {
  it("creates the root CA and KEK under PORTAL_DATA_DIR/pki with private files 0600, once", async () => {
    const [ca, kek] = await Promise.all([getCertificateAuthority(), getKeyEncryptionKey()]);
    const dir = pkiDir();
    expect(dir).toBe(path.join(dataDir, "pki"));
    expect(fs.statSync(path.join(dir, "ca", "key.pem")).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(dir, "kek.key")).mode & 0o777).toBe(0o600);
    expect(kek).toHaveLength(32);
    expect(fs.readFileSync(path.join(dir, "ca", "cert.pem"), "utf8")).toBe(ca.certificatePem);
    expect(describeCertificate(ca.certificatePem).commonName).toBe(ROOT_CA_COMMON_NAME);
    const cert = forge.pki.certificateFromPem(ca.certificatePem);
    expect(cert.siginfo.algorithmOid).toBe(forge.pki.oids.sha256WithRSAEncryption);
    expect((cert.publicKey as forge.pki.rsa.PublicKey).n.bitLength()).toBe(3072);
    expect(cert.getExtension("basicConstraints")).toMatchObject({ cA: true });
    // Cached, and a fresh process would read the same files.
    expect((await getCertificateAuthority()).certificatePem).toBe(ca.certificatePem);
  }, 60_000);

  it("issues 5-year RSA-2048 signing certificates with digitalSignature + nonRepudiation", async () => {
    const ca = await getCertificateAuthority();
    const kek = await getKeyEncryptionKey();
    const now = new Date("2026-11-30T00:00:00Z");
    const owner = {
      kind: "employer" as const,
      id: "0b7e6a52-9a43-4f0e-8d7e-2d1f3b8c9a10",
      commonName: "上海建和工程咨询有限公司",
      organization: "上海建和工程咨询有限公司",
    };
    const id = await createSigningIdentity(ca, kek, owner, { now });
    const cert = forge.pki.certificateFromPem(id.certificatePem);
    expect((cert.publicKey as forge.pki.rsa.PublicKey).n.bitLength()).toBe(2048);
    expect(cert.getExtension("keyUsage")).toMatchObject({ digitalSignature: true, nonRepudiation: true });
    expect(cert.getExtension("basicConstraints")).toMatchObject({ cA: false });
    expect(id.notAfter.toISOString()).toBe("2031-11-30T00:00:00.000Z");
    expect(id.serialNumber).toMatch(/^[0-9a-f]{32}$/);
    expect(ca.certificate.verify(cert)).toBe(true);
    expect(describeCertificate(id.certificatePem)).toMatchObject({
      commonName: owner.commonName,
      organization: owner.organization,
    });
    // The stored key is encrypted and bound to its owner.
    expect(id.encryptedPrivateKey).not.toContain("PRIVATE KEY");
    expect(decryptPrivateKey(id.encryptedPrivateKey, kek, ownerAad(owner.kind, owner.id))).toBe(id.privateKeyPem);
    expect(() => decryptPrivateKey(id.encryptedPrivateKey, kek, ownerAad("employer", "someone-else"))).toThrow();
  }, 60_000);

  it("AES-256-GCM key encryption rejects a wrong KEK and tampering", () => {
    const kek = randomBytes(32);
    const enc = encryptPrivateKey("-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----\n", kek, "a");
    expect(() => decryptPrivateKey(enc, randomBytes(32), "a")).toThrow();
    const parts = enc.split(".");
    const data = Buffer.from(parts[3]!, "base64url");
    data[0] = data[0]! ^ 1;
    expect(() =>
      decryptPrivateKey([parts[0], parts[1], parts[2], data.toString("base64url")].join("."), kek, "a"),
    ).toThrow();
  });
});
