/**
 * Independent verification of PDF signatures with node-forge (no @signpdf code): for every /ByteRange in the
 * file, checks that the range is well-formed and covers the whole file up to the end of that revision except the
 * /Contents hex string, that the CMS messageDigest equals the digest of those bytes, that the RSA signature over
 * the signed attributes verifies with the embedded signer certificate, and that the certificate chains to the
 * trusted CA (validity checked at the signing time).
 */
import { createHash } from "node:crypto";
import forge from "node-forge";
import { PDFDocument } from "pdf-lib";
import { readDnField } from "@/lib/server/pki/x509";
import { DIGEST_BY_OID, OID } from "./cms";

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

const children = (node: Asn1 | undefined): Asn1[] => (Array.isArray(node?.value) ? (node.value as Asn1[]) : []);
const bytesOf = (node: Asn1 | undefined): string => (typeof node?.value === "string" ? node.value : "");

function decodePdfString(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  let bytes: Buffer;
  if (raw.startsWith("<")) bytes = Buffer.from(raw.slice(1, -1).replace(/\s+/g, ""), "hex");
  else {
    const body = raw.slice(1, -1).replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, c: string) => {
      const map: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f", "(": "(", ")": ")", "\\": "\\" };
      return map[c] ?? String.fromCharCode(parseInt(c, 8));
    });
    bytes = Buffer.from(body, "latin1");
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let s = "";
    for (let i = 2; i + 1 < bytes.length; i += 2) s += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
    return s;
  }
  return bytes.toString("latin1");
}

function dictValue(dict: string, key: string): string | undefined {
  const m = new RegExp(`/${key}\\s*(<[0-9A-Fa-f\\s]*>|\\((?:\\\\.|[^\\\\)])*\\))`).exec(dict);
  return m?.[1];
}

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
    return bytesOf(tbs[off]) === bytesOf(sidParts[1]) && tbs[off + 2] !== undefined && asn1.toDer(tbs[off + 2]!).getBytes() === issuerDer;
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
        out.signingTime = v.type === asn1.Type.UTCTIME ? asn1.utcTimeToDate(bytesOf(v)) : asn1.generalizedTimeToDate(bytesOf(v));
      }
    }
    i = 1;
  }
  out.signature = bytesOf(rest[i + 1]); // rest[i] is the signature algorithm
  return out;
}

function fieldNameFor(text: string, sigObjectNumber: number | undefined): string | undefined {
  if (sigObjectNumber === undefined) return undefined;
  const re = new RegExp(`/V\\s+${sigObjectNumber}\\s+0\\s+R`, "g");
  let last = -1;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m.index;
  if (last < 0) return undefined;
  const start = text.lastIndexOf(" obj", last);
  const end = text.indexOf("endobj", last);
  return decodePdfString(dictValue(text.slice(start, end < 0 ? undefined : end), "T"));
}

export function verifyPdfSignatures(pdf: Uint8Array, trustedCaPem: string): PdfSignatureCheck[] {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const text = bytes.toString("latin1");
  const caStore = forge.pki.createCaStore([trustedCaPem]);
  const results: PdfSignatureCheck[] = [];
  const re = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const errors: string[] = [];
    const br = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] as const;
    const [a, b, c, d] = br;
    const revisionEnd = c + d;
    const objStart = text.lastIndexOf(" obj", m.index);
    const header = /(\d+)\s+(\d+)\s*$/.exec(text.slice(Math.max(0, objStart - 24), objStart));
    const objEnd = text.indexOf("endobj", m.index);
    const dict = text.slice(objStart, objEnd < 0 ? m.index + 200 : objEnd);

    const gap = b < c && c <= bytes.length ? text.slice(b, c) : "";
    const hexOk = /^<[0-9A-Fa-f]*>$/.test(gap);
    const endsAtEof = /%%EOF\s*$/.test(text.slice(Math.max(0, revisionEnd - 8), revisionEnd));
    const byteRangeCoversRevision = a === 0 && b > 0 && hexOk && revisionEnd <= bytes.length && endsAtEof && m.index > 0 && m.index < b;
    if (!byteRangeCoversRevision) errors.push("ByteRange does not cover the revision (or /Contents is malformed)");
    const coversWholeDocument = revisionEnd <= bytes.length && /^\s*$/.test(text.slice(revisionEnd));

    let digestMatches = false;
    let signatureValid = false;
    let chainsToTrustedCa = false;
    let cms: ParsedCms = {};
    try {
      if (!hexOk) throw new Error("no /Contents hex string in the ByteRange gap");
      cms = parseCms(Buffer.from(gap.slice(1, -1), "hex"));
      const algo = DIGEST_BY_OID[cms.digestAlgorithm ?? ""];
      if (!algo) throw new Error(`unsupported digest algorithm ${cms.digestAlgorithm}`);
      if (revisionEnd > bytes.length) throw new Error("ByteRange extends past the end of the file");
      const digest = createHash(algo).update(bytes.subarray(a, a + b)).update(bytes.subarray(c, revisionEnd)).digest("binary");
      digestMatches = cms.messageDigest !== undefined && cms.messageDigest === digest;
      if (!digestMatches) errors.push("document digest does not match the signed messageDigest");
      if (!cms.signerCert) throw new Error("signer certificate not found in the CMS");
      if (!cms.signedAttrsDer || !cms.signature) throw new Error("CMS has no signed attributes");
      const md = forge.md[algo as "sha256"].create();
      md.update(cms.signedAttrsDer);
      try {
        signatureValid = (cms.signerCert.publicKey as forge.pki.rsa.PublicKey).verify(md.digest().bytes(), cms.signature);
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

    const signingTime = cms.signingTime ?? parsePdfDate(decodePdfString(dictValue(dict, "M")));
    const cert = cms.signerCert;
    results.push({
      index: results.length,
      fieldName: fieldNameFor(text, header ? Number(header[1]) : undefined),
      signerCommonName: cert ? readDnField(cert.subject, "CN") : undefined,
      signerOrganization: cert ? readDnField(cert.subject, "O") : undefined,
      signerSerialNumber: cert?.serialNumber,
      signingTime,
      name: decodePdfString(dictValue(dict, "Name")),
      reason: decodePdfString(dictValue(dict, "Reason")),
      location: decodePdfString(dictValue(dict, "Location")),
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
 */
export async function readCertificateReference(pdf: Uint8Array): Promise<CertificatePdfReference | null> {
  let keywords: string | undefined;
  try {
    const doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
    keywords = doc.getKeywords();
  } catch {
    return null;
  }
  if (!keywords) return null;
  const values = new Map<string, string>();
  for (const token of keywords.split(/\s+/)) {
    const at = token.indexOf(":");
    if (at > 0) values.set(token.slice(0, at), token.slice(at + 1));
  }
  const registrationNumber = values.get(CERTIFICATE_KEYWORDS.registrationNumber);
  if (!registrationNumber) return null;
  return {
    registrationNumber,
    certificateSerial: values.get(CERTIFICATE_KEYWORDS.certificateSerial),
    verificationUrl: values.get(CERTIFICATE_KEYWORDS.verificationUrl),
  };
}
