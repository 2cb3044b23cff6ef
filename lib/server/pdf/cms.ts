/**
 * Detached CMS (PKCS#7 SignedData) for PDF signatures (SubFilter adbe.pkcs7.detached), built with node-forge's
 * ASN.1 types. Hashing and the RSA operation use Node's crypto (OpenSSL) — much faster than forge's JavaScript.
 * Signed attributes: contentType, signingTime, messageDigest, signingCertificateV2 (ESS, binds the signer cert).
 */
import { createHash, sign as cryptoSign } from "node:crypto";
import forge from "node-forge";

const { asn1 } = forge;

export const OID = {
  signedData: "1.2.840.113549.1.7.2",
  data: "1.2.840.113549.1.7.1",
  sha1: "1.3.14.3.2.26",
  sha256: "2.16.840.1.101.3.4.2.1",
  sha384: "2.16.840.1.101.3.4.2.2",
  sha512: "2.16.840.1.101.3.4.2.3",
  rsaEncryption: "1.2.840.113549.1.1.1",
  sha256WithRSAEncryption: "1.2.840.113549.1.1.11",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingTime: "1.2.840.113549.1.9.5",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
} as const;

export const DIGEST_BY_OID: Record<string, string> = {
  [OID.sha1]: "sha1",
  [OID.sha256]: "sha256",
  [OID.sha384]: "sha384",
  [OID.sha512]: "sha512",
};

const U = asn1.Class.UNIVERSAL;
const T = asn1.Type;
const seq = (items: forge.asn1.Asn1[]) => asn1.create(U, T.SEQUENCE, true, items);
const set = (items: forge.asn1.Asn1[]) => asn1.create(U, T.SET, true, items);
const oid = (id: string) => asn1.create(U, T.OID, false, asn1.oidToDer(id).getBytes());
const nul = () => asn1.create(U, T.NULL, false, "");
const octets = (bytes: string) => asn1.create(U, T.OCTETSTRING, false, bytes);
const int = (n: number) => asn1.create(U, T.INTEGER, false, asn1.integerToDer(n).getBytes());
const algorithm = (id: string) => seq([oid(id), nul()]);
const der = (node: forge.asn1.Asn1) => asn1.toDer(node).getBytes();

function pemToDer(pem: string): string {
  const block = forge.pem.decode(pem)[0];
  if (!block) throw new Error("no PEM block found");
  return block.body;
}

/** issuer Name and serialNumber INTEGER of a certificate, taken verbatim from its DER. */
function issuerAndSerial(certDer: string): forge.asn1.Asn1 {
  const cert = asn1.fromDer(certDer);
  const tbs = (cert.value as forge.asn1.Asn1[])[0]!;
  const fields = tbs.value as forge.asn1.Asn1[];
  const off = fields[0]!.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0; // [0] version present
  return seq([fields[off + 2]!, fields[off]!]);
}

/** DER SET OF requires its elements sorted by encoding; verifiers such as OpenSSL re-encode and would disagree. */
function derSetOf(items: forge.asn1.Asn1[]): forge.asn1.Asn1[] {
  return items
    .map((node) => ({ node, bytes: der(node) }))
    .sort((a, b) => Buffer.compare(Buffer.from(a.bytes, "binary"), Buffer.from(b.bytes, "binary")))
    .map((x) => x.node);
}

export interface CmsSignInput {
  /** SHA-256 of the signed byte ranges. */
  readonly digest: Buffer;
  readonly signingTime: Date;
  readonly certificatePem: string;
  /** Further certificates to embed (the CA), so verifiers can build the chain. */
  readonly chainPems?: readonly string[];
  readonly privateKeyPem: string;
}

export function createDetachedCms(input: CmsSignInput): Buffer {
  const certDer = pemToDer(input.certificatePem);
  const certs = [certDer, ...(input.chainPems ?? []).map(pemToDer)].map((d) => asn1.fromDer(d));
  const certHash = createHash("sha256").update(Buffer.from(certDer, "binary")).digest().toString("binary");

  const attributes = derSetOf([
    seq([oid(OID.contentType), set([oid(OID.data)])]),
    seq([oid(OID.signingTime), set([asn1.create(U, T.UTCTIME, false, asn1.dateToUtcTime(input.signingTime))])]),
    seq([oid(OID.messageDigest), set([octets(input.digest.toString("binary"))])]),
    seq([oid(OID.signingCertificateV2), set([seq([seq([seq([octets(certHash)])])])])]),
  ]);
  // The signature covers the attributes encoded as a SET; in SignerInfo they sit under [0] IMPLICIT.
  const toSign = Buffer.from(der(set(attributes)), "binary");
  const signature = cryptoSign("sha256", toSign, input.privateKeyPem);

  const signerInfo = seq([
    int(1),
    issuerAndSerial(certDer),
    algorithm(OID.sha256),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, attributes),
    algorithm(OID.rsaEncryption),
    octets(signature.toString("binary")),
  ]);
  const signedData = seq([
    int(1),
    set([algorithm(OID.sha256)]),
    seq([oid(OID.data)]),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, certs),
    set([signerInfo]),
  ]);
  const contentInfo = seq([oid(OID.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])]);
  return Buffer.from(der(contentInfo), "binary");
}
