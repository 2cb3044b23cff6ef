export {
  ROOT_CA_COMMON_NAME,
  createRootCertificateAuthority,
  getCertificateAuthority,
  getKeyEncryptionKey,
  loadCertificateAuthority,
  pkiDir,
  type CertificateAuthority,
} from "./ca";
export { decryptPrivateKey, encryptPrivateKey, ownerAad } from "./key-encryption";
export {
  createSigningIdentity,
  describeCertificate,
  getSigningIdentity,
  issueSigningIdentity,
  type CreatedSigningIdentity,
  type SigningIdentity,
  type SigningOwner,
  type SigningOwnerKind,
  type SigningSubject,
} from "./identities";
