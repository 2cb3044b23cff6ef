/**
 * Small node-forge helpers shared by the CA, identity issuance, signing and verification.
 * Keys are generated with Node's crypto (OpenSSL, off the event loop) and only converted to forge for X.509 work.
 */
import { generateKeyPair, randomBytes } from "node:crypto";
import { promisify } from "node:util";
import forge from "node-forge";

const generateKeyPairAsync = promisify(generateKeyPair);

export interface PemKeyPair {
  readonly privateKeyPem: string;
  readonly publicKeyPem: string;
}

/** RSA key pair via Node crypto (≈50–200 ms for 2048 bits, in libuv's thread pool) — far faster than forge's JS. */
export async function generateRsaKeyPair(bits: 2048 | 3072 | 4096): Promise<PemKeyPair> {
  const { privateKey, publicKey } = await generateKeyPairAsync("rsa", {
    modulusLength: bits,
    publicExponent: 0x10001,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}

/** A positive 128-bit serial as lower-case hex (top bit cleared so DER needs no sign byte). */
export function randomSerialHex(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x10;
  return bytes.toString("hex");
}

export interface DistinguishedName {
  readonly commonName: string;
  readonly organization?: string;
  readonly organizationalUnit?: string;
  readonly country?: string;
}

/** Subject/issuer attributes; CJK names need UTF8String (forge defaults to PrintableString). */
export function dnAttributes(dn: DistinguishedName): forge.pki.CertificateField[] {
  // @types/node-forge types valueTagClass as asn1.Class; forge actually expects a universal tag number (asn1.Type).
  const utf8 = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;
  const attrs: forge.pki.CertificateField[] = [];
  if (dn.country) attrs.push({ name: "countryName", value: dn.country });
  if (dn.organization) attrs.push({ name: "organizationName", value: dn.organization, valueTagClass: utf8 });
  if (dn.organizationalUnit)
    attrs.push({ name: "organizationalUnitName", value: dn.organizationalUnit, valueTagClass: utf8 });
  attrs.push({ name: "commonName", value: dn.commonName, valueTagClass: utf8 });
  return attrs;
}

/**
 * A parsed certificate's subject as attributes for `setIssuer`: forge keeps parsed UTF8String values as UTF-8
 * bytes but UTF-8-encodes them again when writing, so decode them first (else CJK issuer names get mangled).
 */
export function issuerAttributesFrom(cert: forge.pki.Certificate): forge.pki.CertificateField[] {
  return cert.subject.attributes.map((a) => {
    const tag = a.valueTagClass as unknown as number;
    if (tag === forge.asn1.Type.UTF8 && typeof a.value === "string")
      return { ...a, value: forge.util.decodeUtf8(a.value) };
    return { ...a };
  });
}

/**
 * Reads an attribute of a parsed certificate's subject, decoding UTF8String values (forge leaves them as UTF-8 bytes).
 */
export function readDnField(
  dn: { getField(sn: string | forge.pki.CertificateFieldOptions): unknown },
  shortName: "CN" | "O" | "OU" | "C",
): string | undefined {
  const field = dn.getField(shortName) as { value?: unknown; valueTagClass?: number } | null;
  if (!field || typeof field.value !== "string") return undefined;
  if (field.valueTagClass === forge.asn1.Type.UTF8) {
    try {
      return forge.util.decodeUtf8(field.value);
    } catch {
      return field.value;
    }
  }
  if (field.valueTagClass === forge.asn1.Type.BMPSTRING) {
    let out = "";
    for (let i = 0; i + 1 < field.value.length; i += 2)
      out += String.fromCharCode((field.value.charCodeAt(i) << 8) | field.value.charCodeAt(i + 1));
    return out;
  }
  return field.value;
}

export function addYears(date: Date, years: number): Date {
  const d = new Date(date.getTime());
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d;
}

/** Back-date notBefore a little so a client clock slightly behind does not see a "not yet valid" certificate. */
export function notBeforeFor(now: Date): Date {
  return new Date(now.getTime() - 10 * 60_000);
}
