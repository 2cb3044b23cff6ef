/**
 * Per-subject signing identities (person, employer, authority) issued by the portal CA: RSA 2048, 5 years,
 * keyUsage digitalSignature + nonRepudiation. The certificate and the KEK-encrypted private key are stored in
 * `signing_identities` (unique per owner kind + id).
 */
import { and, eq } from "drizzle-orm";
import forge from "node-forge";
import type { Executor } from "@/db/client";
import { signingIdentities } from "@/db/schema";
import { getCertificateAuthority, getKeyEncryptionKey, getKeyEncryptionKeys, type CertificateAuthority } from "./ca";
import { decryptPrivateKey, encryptPrivateKey, ownerAad } from "./key-encryption";
import { previousKeks } from "./key-source";
import {
  addYears,
  dnAttributes,
  generateRsaKeyPair,
  issuerAttributesFrom,
  notBeforeFor,
  randomSerialHex,
  readDnField,
} from "./x509";

export type SigningOwnerKind = "person" | "employer" | "authority";

export interface SigningSubject {
  /** Shown as the signer: the person's name, the employer's or the authority's full name. */
  readonly commonName: string;
  readonly organization?: string;
}

export interface SigningOwner extends SigningSubject {
  readonly kind: SigningOwnerKind;
  /** UUID of the person / employer / authority row. */
  readonly id: string;
}

/** Everything `signPdf` needs; the private key is decrypted and must not leave the server. */
export interface SigningIdentity {
  readonly ownerKind: SigningOwnerKind;
  readonly ownerId: string;
  readonly certificatePem: string;
  readonly privateKeyPem: string;
  readonly caCertificatePem: string;
  readonly serialNumber: string;
  readonly notAfter: Date;
}

export interface CreatedSigningIdentity {
  readonly certificatePem: string;
  readonly privateKeyPem: string;
  /** `privateKeyPem` under the KEK, bound to the owner (see key-encryption.ts). */
  readonly encryptedPrivateKey: string;
  readonly serialNumber: string;
  readonly notAfter: Date;
}

const OU_BY_KIND: Record<SigningOwnerKind, string> = { person: "个人", employer: "聘用单位", authority: "审批机构" };

export interface CreateIdentityOptions {
  readonly now?: Date;
  readonly validityYears?: number;
}

/** Pure (no database): a new key pair and certificate for `owner`, signed by `ca`, key encrypted with `kek`. */
export async function createSigningIdentity(
  ca: CertificateAuthority,
  kek: Buffer,
  owner: SigningOwner,
  options: CreateIdentityOptions = {},
): Promise<CreatedSigningIdentity> {
  const now = options.now ?? new Date();
  const { privateKeyPem, publicKeyPem } = await generateRsaKeyPair(2048);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKeyPem);
  cert.serialNumber = randomSerialHex();
  cert.validity.notBefore = notBeforeFor(now);
  cert.validity.notAfter = addYears(now, options.validityYears ?? 5);
  cert.setSubject(
    dnAttributes({
      commonName: owner.commonName,
      organization: owner.organization,
      organizationalUnit: OU_BY_KIND[owner.kind],
      country: "CN",
    }),
  );
  cert.setIssuer(issuerAttributesFrom(ca.certificate));
  cert.setExtensions([
    { name: "basicConstraints", cA: false, critical: true },
    { name: "keyUsage", digitalSignature: true, nonRepudiation: true, critical: true },
    { name: "subjectKeyIdentifier" },
    { name: "authorityKeyIdentifier", keyIdentifier: ca.certificate.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(ca.privateKey, forge.md.sha256.create());
  return {
    certificatePem: forge.pki.certificateToPem(cert),
    privateKeyPem,
    encryptedPrivateKey: encryptPrivateKey(privateKeyPem, kek, ownerAad(owner.kind, owner.id)),
    serialNumber: cert.serialNumber,
    notAfter: cert.validity.notAfter,
  };
}

type Row = typeof signingIdentities.$inferSelect;

/** Decrypts under the current KEK, or a previous one during a rotation (GCM rejects a wrong key outright). */
function decryptUnderAny(row: Row, keks: Buffer[]): string {
  let lastError: unknown;
  for (const kek of keks) {
    try {
      return decryptPrivateKey(row.encryptedPrivateKey, kek, ownerAad(row.ownerKind, row.ownerId));
    } catch (e) {
      lastError = e;
    }
  }
  throw lastError;
}

function open(row: Row, ca: CertificateAuthority, keks: Buffer[]): SigningIdentity {
  return {
    ownerKind: row.ownerKind,
    ownerId: row.ownerId,
    certificatePem: row.certificatePem,
    privateKeyPem: decryptUnderAny(row, keks),
    caCertificatePem: ca.certificatePem,
    serialNumber: row.serialNumber,
    notAfter: row.notAfter,
  };
}

/** Renew a day before expiry, or when the subject's name (e.g. an employer rename, R4) no longer matches. */
function isUsable(row: Row, subject: SigningSubject | undefined, now: Date): boolean {
  if (row.notAfter.getTime() <= now.getTime() + 86_400_000) return false;
  if (!subject) return true;
  const cert = forge.pki.certificateFromPem(row.certificatePem);
  return (
    readDnField(cert.subject, "CN") === subject.commonName &&
    (readDnField(cert.subject, "O") ?? undefined) === (subject.organization || undefined)
  );
}

async function selectRow(db: Executor, kind: SigningOwnerKind, id: string): Promise<Row | undefined> {
  const rows = await db
    .select()
    .from(signingIdentities)
    .where(and(eq(signingIdentities.ownerKind, kind), eq(signingIdentities.ownerId, id)))
    .limit(1);
  return rows[0];
}

/**
 * Issues `owner` a certificate and stores it. Concurrent callers race on the unique (owner_kind, owner_id) index:
 * the insert is ON CONFLICT DO NOTHING and the loser re-selects the winner's row. An existing row that is expired
 * or names a different subject is replaced (old signatures stay verifiable: each PDF embeds its signer's certificate).
 */
export async function issueSigningIdentity(db: Executor, owner: SigningOwner): Promise<SigningIdentity> {
  const [ca, kek] = await Promise.all([getCertificateAuthority(), getKeyEncryptionKey()]);
  const keks = [kek, ...previousKeks()];
  const now = new Date();
  const created = await createSigningIdentity(ca, kek, owner, { now });
  const values = {
    ownerKind: owner.kind,
    ownerId: owner.id,
    certificatePem: created.certificatePem,
    encryptedPrivateKey: created.encryptedPrivateKey,
    serialNumber: created.serialNumber,
    notAfter: created.notAfter,
  };
  const inserted = await db
    .insert(signingIdentities)
    .values(values)
    .onConflictDoNothing({ target: [signingIdentities.ownerKind, signingIdentities.ownerId] })
    .returning();
  if (inserted[0]) return open(inserted[0], ca, keks);

  const existing = await selectRow(db, owner.kind, owner.id);
  if (!existing) throw new Error(`signing identity for ${owner.kind}:${owner.id} vanished during issuance`);
  if (isUsable(existing, owner, now)) return open(existing, ca, keks);
  const replaced = await db
    .update(signingIdentities)
    .set({ ...values, createdAt: now })
    .where(and(eq(signingIdentities.id, existing.id), eq(signingIdentities.serialNumber, existing.serialNumber)))
    .returning();
  if (replaced[0]) return open(replaced[0], ca, keks);
  // Someone else renewed it in between; theirs is as good as ours.
  const latest = await selectRow(db, owner.kind, owner.id);
  if (!latest) throw new Error(`signing identity for ${owner.kind}:${owner.id} vanished during renewal`);
  return open(latest, ca, keks);
}

/**
 * The owner's signing identity, issued on first use. `subject` is required to issue (first use, expiry, or when
 * the name changed); without it an existing identity is returned as stored, and a missing one is an error.
 */
export async function getSigningIdentity(
  db: Executor,
  kind: SigningOwnerKind,
  id: string,
  subject?: SigningSubject,
): Promise<SigningIdentity> {
  const row = await selectRow(db, kind, id);
  if (row && isUsable(row, subject, new Date())) {
    const [ca, keks] = await Promise.all([getCertificateAuthority(), getKeyEncryptionKeys()]);
    return open(row, ca, keks);
  }
  if (!subject) {
    if (!row) throw new Error(`no signing identity for ${kind}:${id}; pass the subject's name to issue one`);
    const cert = forge.pki.certificateFromPem(row.certificatePem);
    const commonName = readDnField(cert.subject, "CN") ?? `${kind}:${id}`;
    return issueSigningIdentity(db, { kind, id, commonName, organization: readDnField(cert.subject, "O") });
  }
  return issueSigningIdentity(db, { kind, id, ...subject });
}

/** Details of a stored certificate, for display ("签名证书" panels) without decrypting anything. */
export function describeCertificate(certificatePem: string): {
  commonName?: string;
  organization?: string;
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  issuerCommonName?: string;
} {
  const cert = forge.pki.certificateFromPem(certificatePem);
  return {
    commonName: readDnField(cert.subject, "CN"),
    organization: readDnField(cert.subject, "O"),
    serialNumber: cert.serialNumber,
    notBefore: cert.validity.notBefore,
    notAfter: cert.validity.notAfter,
    issuerCommonName: readDnField(cert.issuer, "CN"),
  };
}
