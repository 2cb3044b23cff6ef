export {
  ROOT_CA_COMMON_NAME,
  createRootCertificateAuthority,
  getCertificateAuthority,
  getKeyEncryptionKey,
  pkiDir,
  type CertificateAuthority,
} from "./ca";
export { decryptPrivateKey, encryptPrivateKey, ownerAad } from "./key-encryption";
export {
  createSigningIdentity,
  describeCertificate,
  getSigningIdentity,
  issueSigningIdentity,
} from "./identities";
