/**
 * `npm run pki:init -- <dir>`: creates, once, the secrets every app node of a multi-node portal must share —
 * the root CA (certificate + private key), the key-encryption key, the session secret and the audit chains' key — as
 * files with mode 0600
 * in <dir> (default ./portal-secrets). Distribute them to the nodes as secret files and point the *_FILE variables
 * at them (docs/deploy.md). Refuses to overwrite: a second CA or KEK would orphan everything the first one signed.
 */
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { createRootCertificateAuthority } from "@/lib/server/pki/ca";

const dir = path.resolve(process.argv[2] ?? "portal-secrets");
const files = {
  PORTAL_CA_CERT_FILE: "ca-cert.pem",
  PORTAL_CA_KEY_FILE: "ca-key.pem",
  PORTAL_KEK_FILE: "kek.b64",
  NEXTAUTH_SECRET_FILE: "session-secret",
  AUDIT_HMAC_KEY_FILE: "audit-hmac-key",
} as const;

for (const name of Object.values(files)) {
  if (fs.existsSync(path.join(dir, name))) {
    console.error(`${path.join(dir, name)} 已存在，未覆盖。轮换密钥见 docs/deploy.md。`);
    process.exit(1);
  }
}
fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
const ca = await createRootCertificateAuthority();
const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text, { mode: 0o600, flag: "wx" });
write(files.PORTAL_CA_CERT_FILE, ca.certificatePem);
write(files.PORTAL_CA_KEY_FILE, ca.privateKeyPem);
write(files.PORTAL_KEK_FILE, `${randomBytes(32).toString("base64")}\n`);
write(files.NEXTAUTH_SECRET_FILE, `${randomBytes(32).toString("base64url")}\n`);
write(files.AUDIT_HMAC_KEY_FILE, `${randomBytes(32).toString("base64url")}\n`);

console.log(`已生成共享密钥于 ${dir}。每个应用节点与 worker 设置：`);
for (const [variable, name] of Object.entries(files)) console.log(`  ${variable}=${path.join(dir, name)}`);
