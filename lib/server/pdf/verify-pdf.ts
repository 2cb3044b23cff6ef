/**
 * Independent verification of PDF signatures with node-forge (no @signpdf code): for every /ByteRange in the
 * file, checks that the range is well-formed and covers the whole file up to the end of that revision except the
 * /Contents hex string, that the CMS messageDigest equals the digest of those bytes, that the RSA signature over
 * the signed attributes verifies with the embedded signer certificate, and that the certificate chains to the
 * trusted CA (validity checked at the signing time).
 *
 * It reads public uploads, so it never parses the PDF structure: see pdf-scan.ts and docs/decisions/0009.
 */
import { createHash } from "node:crypto";
import forge from "node-forge";
import { readDnField } from "@/lib/server/pki/x509";
import { DIGEST_BY_OID, OID } from "./cms";
import {
  decodePdfString,
  dictString,
  enclosingObject,
  isHexString,
  occurrences,
  onlyWhitespaceAfter,
  readByteRange,
  readStringToken,
  UnreadablePdfError,
} from "./pdf-scan";

export interface PdfSignatureCheck {
  /** 0-based, in file order (the first signature is the oldest). */
  readonly index: number;
  /** Name (/T) of the signature field, e.g. "applicant", "employer". */
  readonly fieldName?: string;
  readonly signerCommonName?: string;
  readonly signerOrganization?: string;
  readonly signerSerialNumber?: string;
  /** From the signed signingTime attribute, else the dictionary's /M. */
  readonly signingTime?: Date;
  readonly name?: string;
  readonly reason?: string;
  readonly location?: string;
  readonly byteRange: readonly [number, number, number, number];
  /** End offset of the revision this signature covers. */
  readonly revisionEnd: number;
  /** ByteRange starts at 0, excludes exactly the /Contents <…> string and ends at that revision's %%EOF. */
  readonly byteRangeCoversRevision: boolean;
  /** CMS messageDigest equals the digest of the ByteRange bytes. */
  readonly digestMatches: boolean;
  /** The RSA signature over the signed attributes verifies with the signer certificate's key. */
  readonly signatureValid: boolean;
  /** The signer certificate was issued by the trusted CA and was valid at the signing time. */
  readonly chainsToTrustedCa: boolean;
  /** Nothing was appended after this signature's revision. */
  readonly coversWholeDocument: boolean;
  /** byteRangeCoversRevision && digestMatches && signatureValid && chainsToTrustedCa. */
  readonly valid: boolean;
  readonly errors: readonly string[];
}

const { asn1 } = forge;
type Asn1 = forge.asn1.Asn1;

/** Public uploads are capped at 5 MB by the route; anything larger is refused before any scanning. */
export const MAX_VERIFY_BYTES = 6 * 1024 * 1024;
/** Our documents carry at most two signatures; a file with dozens is crafted (each would hash the whole file). */
const MAX_SIGNATURES = 8;
/** The /Contents placeholder is 8 KiB (16 KiB hex); a bigger gap is not one of ours and is not decoded. */
const MAX_CONTENTS_HEX = 64 * 1024;
/** Checking one of our certificates takes ≈40 ms; past this the file is refused as too complex. */
const TIME_BUDGET_MS = 800;
/** Keys beyond this are not ours (RSA 2048 / 3072) and would make node-forge's JS big-integer maths slow. */
const MAX_KEY_BITS = 4096;

const children = (node: Asn1 | undefined): Asn1[] => (Array.isArray(node?.value) ? (node.value as Asn1[]) : []);
const bytesOf = (node: Asn1 | undefined): string => (typeof node?.value === "string" ? node.value : "");

function parsePdfDate(raw: string | undefined): Date | undefined {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?/.exec(raw ?? "");
  if (!m) return undefined;
  const [, y, mo = "01", d = "01", h = "00", mi = "00", s = "00", tz, th = "00", tm = "00"] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const offset = tz === "+" || tz === "-" ? (tz === "-" ? -1 : 1) * (Number(th) * 60 + Number(tm)) * 60_000 : 0;
  return new Date(utc - offset);
}

interface ParsedCms {
  signerCert?: forge.pki.Certificate;
  digestAlgorithm?: string;
  messageDigest?: string;
  signingTime?: Date;
  signedAttrsDer?: string;
  signature?: string;
}

function parseCms(der: Buffer): ParsedCms {
  const root = asn1.fromDer(der.toString("binary"), { parseAllBytes: false } as never);
  const [typeNode, wrapped] = children(root);
  if (asn1.derToOid(bytesOf(typeNode)) !== OID.signedData) throw new Error("CMS is not SignedData");
  const signedData = children(wrapped)[0];
  const parts = children(signedData);
  const certsNode = parts.find((p) => p.tagClass === asn1.Class.CONTEXT_SPECIFIC && p.type === 0);
  const certNodes = children(certsNode);
  const signerInfos = children(parts[parts.length - 1]);
  const si = children(signerInfos[0]);
  if (!si.length) throw new Error("CMS has no SignerInfo");
  const [, sid, digestAlg, ...rest] = si;
  const sidParts = children(sid);
  const issuerDer = asn1.toDer(sidParts[0]!).getBytes();
  // Match issuer and serial on the certificates' own DER (re-encoding forge's parsed names is not byte-exact).
  const signerNode = certNodes.find((c) => {
    const tbs = children(children(c)[0]);
    const off = tbs[0]?.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
    return (
      bytesOf(tbs[off]) === bytesOf(sidParts[1]) &&
      tbs[off + 2] !== undefined &&
      asn1.toDer(tbs[off + 2]!).getBytes() === issuerDer
    );
  });
  const signerCert = signerNode ? forge.pki.certificateFromAsn1(signerNode) : undefined;
  const out: ParsedCms = { signerCert, digestAlgorithm: asn1.derToOid(bytesOf(children(digestAlg)[0])) };
  let i = 0;
  if (rest[0]?.tagClass === asn1.Class.CONTEXT_SPECIFIC && rest[0].type === 0) {
    const attrs = children(rest[0]);
    out.signedAttrsDer = asn1.toDer(asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, attrs)).getBytes();
    for (const attr of attrs) {
      const [t, values] = children(attr);
      const type = asn1.derToOid(bytesOf(t));
      const v = children(values)[0];
      if (type === OID.messageDigest) out.messageDigest = bytesOf(v);
      else if (type === OID.signingTime && v) {
        out.signingTime =
          v.type === asn1.Type.UTCTIME ? asn1.utcTimeToDate(bytesOf(v)) : asn1.generalizedTimeToDate(bytesOf(v));
      }
    }
    i = 1;
  }
  out.signature = bytesOf(rest[i + 1]); // rest[i] is the signature algorithm
  return out;
}

/**
 * /T of the field whose /V points at signature object `sigObjectNumber`: the last `/V n 0 R` as pdf-lib writes it,
 * found by one native search (a JS loop over every "/V" took 1.6 s on a crafted 5 MB file).
 */
function fieldNameFor(bytes: Buffer, sigObjectNumber: number | undefined): string | undefined {
  if (sigObjectNumber === undefined) return undefined;
  const last = bytes.lastIndexOf(`/V ${sigObjectNumber} 0 R`, undefined, "latin1");
  if (last < 0) return undefined;
  const { start, end } = enclosingObject(bytes, last);
  return decodePdfString(dictString(bytes, start, end, "T"));
}

/** A signer key node-forge can check quickly (an absurd modulus or exponent is a crafted file, not ours). */
function reasonableKey(key: forge.pki.rsa.PublicKey): boolean {
  return key.n.bitLength() <= MAX_KEY_BITS && key.e.bitLength() <= 32;
}

/**
 * Checks every signature in `pdf` against the trusted CA. Safe on untrusted uploads: bounded scanning only
 * (pdf-scan.ts), at most {@link MAX_SIGNATURES} signatures and {@link TIME_BUDGET_MS}; throws
 * {@link UnreadablePdfError} for files that are too large or too complex to check, never anything slower.
 */
export function verifyPdfSignatures(pdf: Uint8Array, trustedCaPem: string): PdfSignatureCheck[] {
  if (pdf.byteLength > MAX_VERIFY_BYTES) throw new UnreadablePdfError("file too large to verify");
  const started = performance.now();
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const caStore = forge.pki.createCaStore([trustedCaPem]);
  const results: PdfSignatureCheck[] = [];
  for (const keyAt of occurrences(bytes, "/ByteRange", MAX_SIGNATURES)) {
    const br = readByteRange(bytes, keyAt);
    if (!br) continue; // not an array of four integers: not a signature we could check
    if (performance.now() - started > TIME_BUDGET_MS) throw new UnreadablePdfError("verification time budget exceeded");
    const errors: string[] = [];
    const [a, b, c, d] = br;
    const revisionEnd = c + d;
    const object = enclosingObject(bytes, keyAt);

    const gapOk = b < c && c <= bytes.length && c - b <= MAX_CONTENTS_HEX + 2;
    const hexOk = gapOk && isHexString(bytes, b, c);
    const tail = revisionEnd <= bytes.length ? bytes.toString("latin1", Math.max(0, revisionEnd - 8), revisionEnd) : "";
    const endsAtEof = /%%EOF\s*$/.test(tail);
    const byteRangeCoversRevision = a === 0 && b > 0 && hexOk && endsAtEof && keyAt > 0 && keyAt < b;
    if (!byteRangeCoversRevision) errors.push("ByteRange does not cover the revision (or /Contents is malformed)");
    const coversWholeDocument = revisionEnd <= bytes.length && onlyWhitespaceAfter(bytes, revisionEnd);

    let digestMatches = false;
    let signatureValid = false;
    let chainsToTrustedCa = false;
    let cms: ParsedCms = {};
    try {
      if (!hexOk) throw new Error("no /Contents hex string in the ByteRange gap");
      cms = parseCms(Buffer.from(bytes.toString("latin1", b + 1, c - 1).replace(/\s+/g, ""), "hex"));
      const algo = DIGEST_BY_OID[cms.digestAlgorithm ?? ""];
      if (!algo) throw new Error(`unsupported digest algorithm ${cms.digestAlgorithm}`);
      if (revisionEnd > bytes.length) throw new Error("ByteRange extends past the end of the file");
      const digest = createHash(algo)
        .update(bytes.subarray(a, a + b))
        .update(bytes.subarray(c, revisionEnd))
        .digest("binary");
      digestMatches = cms.messageDigest !== undefined && cms.messageDigest === digest;
      if (!digestMatches) errors.push("document digest does not match the signed messageDigest");
      if (!cms.signerCert) throw new Error("signer certificate not found in the CMS");
      if (!cms.signedAttrsDer || !cms.signature) throw new Error("CMS has no signed attributes");
      const publicKey = cms.signerCert.publicKey as forge.pki.rsa.PublicKey;
      if (!publicKey?.n || !reasonableKey(publicKey)) throw new Error("signer key is not a supported RSA key");
      const md = forge.md[algo as "sha256"].create();
      md.update(cms.signedAttrsDer);
      try {
        signatureValid = publicKey.verify(md.digest().bytes(), cms.signature);
      } catch {
        signatureValid = false;
      }
      if (!signatureValid) errors.push("signature over the signed attributes does not verify");
      try {
        chainsToTrustedCa = forge.pki.verifyCertificateChain(caStore, [cms.signerCert], {
          validityCheckDate: cms.signingTime ?? new Date(),
        } as never);
      } catch (e) {
        errors.push(`certificate not trusted: ${(e as { message?: string }).message ?? String(e)}`);
      }
    } catch (e) {
      errors.push((e as Error).message);
    }

    const dictText = (key: string) => decodePdfString(dictString(bytes, object.start, object.end, key));
    const signingTime = cms.signingTime ?? parsePdfDate(dictText("M"));
    const cert = cms.signerCert;
    results.push({
      index: results.length,
      fieldName: fieldNameFor(bytes, object.objectNumber),
      signerCommonName: cert ? readDnField(cert.subject, "CN") : undefined,
      signerOrganization: cert ? readDnField(cert.subject, "O") : undefined,
      signerSerialNumber: cert?.serialNumber,
      signingTime,
      name: dictText("Name"),
      reason: dictText("Reason"),
      location: dictText("Location"),
      byteRange: br,
      revisionEnd,
      byteRangeCoversRevision,
      digestMatches,
      signatureValid,
      chainsToTrustedCa,
      coversWholeDocument,
      valid: byteRangeCoversRevision && digestMatches && signatureValid && chainsToTrustedCa,
      errors,
    });
  }
  return results;
}

export interface CertificatePdfReference {
  readonly registrationNumber: string;
  readonly certificateSerial?: string;
  readonly verificationUrl?: string;
}

/** Key/value pairs the certificate generator writes into the PDF's Keywords (see certificate.ts). */
export const CERTIFICATE_KEYWORDS = {
  registrationNumber: "registration-no",
  certificateSerial: "certificate-serial",
  verificationUrl: "verify-url",
} as const;

/**
 * Reads the registration number (and certificate serial / verification URL) that certificate.ts stored in the PDF
 * metadata, for the public verification page. Metadata is not trusted on its own: look the number up and verify
 * the signatures before showing anything as authentic.
 *
 * Bounded scan for the last `/Keywords` string rather than a PDF parser: pdf-lib took 31 s on 5 MB of random bytes
 * and 11 s (570 MB) on a 200 KB deflate bomb (docs/decisions/0009). Our certificates are saved without object
 * streams, so the Info dictionary is plain text.
 */
export async function readCertificateReference(pdf: Uint8Array): Promise<CertificatePdfReference | null> {
  if (pdf.byteLength > MAX_VERIFY_BYTES) return null;
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  let found: Map<string, string> | undefined;
  let positions: number[];
  try {
    positions = occurrences(bytes, "/Keywords", 64);
  } catch {
    return null;
  }
  for (const at of positions) {
    const keywords = decodePdfString(readStringToken(bytes, at + "/Keywords".length));
    if (!keywords) continue;
    const values = new Map<string, string>();
    for (const token of keywords.split(/\s+/)) {
      const sep = token.indexOf(":");
      if (sep > 0) values.set(token.slice(0, sep), token.slice(sep + 1));
    }
    if (values.get(CERTIFICATE_KEYWORDS.registrationNumber)) found = values; // the newest revision's Info wins
  }
  if (!found) return null;
  return {
    registrationNumber: found.get(CERTIFICATE_KEYWORDS.registrationNumber)!,
    certificateSerial: found.get(CERTIFICATE_KEYWORDS.certificateSerial),
    verificationUrl: found.get(CERTIFICATE_KEYWORDS.verificationUrl),
  };
}
