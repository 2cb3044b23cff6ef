/**
 * The secrets a portal process needs before it touches the database, settled the same way by the app node
 * (scripts/start.ts) and the job worker (scripts/worker.ts): both append to the audit chains, so both must use the one
 * key the installation was chained with — a worker on the development fallback key would write events that 审计校验
 * reports as tampered.
 *
 * Configured (environment or *_FILE, lib/server/pki/key-source.ts) wins. A single node without configuration creates
 * each secret once under PORTAL_DATA_DIR; a node of a cluster (STORAGE_BACKEND=s3 or PORTAL_CLUSTER=1) refuses to,
 * because a secret of its own would not match the other nodes' (docs/deploy.md).
 */
import { configuredSecret, mayMintNodeLocalKeys } from "@/lib/server/pki/key-source";
import { ConfigurationError } from "@/lib/server/configuration-error";
import { installationSecret } from "./prepare-database";

const SECRETS = {
  AUDIT_HMAC_KEY: { file: "audit-hmac-key", what: "审计记录链密钥" },
  NEXTAUTH_SECRET: { file: "nextauth-secret", what: "会话签名密钥" },
} as const;

export type NodeSecret = keyof typeof SECRETS;

/** Puts the secret into process.env (where lib/server reads it), or throws a ConfigurationError naming what to set. */
export function settleSecret(name: NodeSecret): void {
  const configured = configuredSecret(name);
  if (configured) {
    process.env[name] = configured;
    return;
  }
  if (!mayMintNodeLocalKeys()) {
    throw new ConfigurationError(
      `多节点部署（STORAGE_BACKEND=s3 或 PORTAL_CLUSTER=1）需要各节点相同的${SECRETS[name].what}：请设置 ${name}_FILE 或 ${name}（npm run ` +
        `pki:init 生成），见 docs/deploy.md。`,
    );
  }
  process.env[name] = installationSecret(SECRETS[name].file);
}
