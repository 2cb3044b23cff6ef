/**
 * The portal's public address (PORTAL_URL), e.g. https://zhuce.example.gov.cn — the one source of every absolute link:
 * certificate QR codes, verification links, texts. Never derived from the Host header (a client controls it) and never
 * localhost in production; the start refuses to run without it there (see checkPortalUrl).
 */
import { ConfigurationError } from "./configuration-error";

/** The configured address without a trailing slash. Throws ConfigurationError when it is missing or malformed. */
export function portalUrl(): string {
  const raw = process.env.PORTAL_URL;
  // `next dev` and tests run on this machine only; the production start always sets PORTAL_URL (scripts/start.ts).
  if (!raw && process.env.NODE_ENV !== "production") return `http://localhost:${process.env.PORT ?? 3000}`;
  if (!raw) {
    throw new ConfigurationError(
      "未设置 PORTAL_URL（门户的公网地址，如 https://zhuce.example.gov.cn）：证书二维码和查验链接需要它。请设置后重新启动。",
    );
  }
  return checkPortalUrl(raw);
}

/** Validates an address: http(s), no path beyond `/`, no query. Returns it without a trailing slash. */
export function checkPortalUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new ConfigurationError(`PORTAL_URL=${raw} 不是有效的网址，应形如 https://zhuce.example.gov.cn。`);
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") {
    throw new ConfigurationError(`PORTAL_URL=${raw} 应以 https:// 开头。`);
  }
  if (u.search || u.hash) throw new ConfigurationError(`PORTAL_URL=${raw} 不应包含查询参数或 #。`);
  return `${u.origin}${u.pathname.replace(/\/+$/, "")}`;
}
