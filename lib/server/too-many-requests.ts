import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";

/**
 * The 429 page (ASVS V11.1.4 / V2.2.1): plain HTML, no script, says in the visitor's language (Chinese unless they
 * chose English) when to try again, and carries Retry-After for scripts and proxies.
 */
export function tooManyRequestsPage(
  message: string,
  retryAfterSeconds: number,
  backHref: string,
  backLabel: string,
  locale: Locale = DEFAULT_LOCALE,
): Response {
  const t = translator(locale, "public");
  const retry = Math.max(1, Math.ceil(retryAfterSeconds));
  const wait =
    retry >= 60 ? t("rateLimited.minutes", { n: Math.ceil(retry / 60) }) : t("rateLimited.seconds", { n: retry });
  const html =
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(t("rateLimited.title"))}</title>
<style>body{font-family:system-ui,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;` +
    `max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1f2937;line-height:1.7}
.box{border:1px solid #f59e0b;background:#fffbeb;border-radius:8px;padding:1.25rem 1.5rem}` +
    `h1{font-size:1.25rem;margin:0 0 .5rem}a{color:#1d4ed8}</style></head>
<body><div class="box" role="alert" data-testid="rate-limited">` +
    `<h1>${escapeHtml(t("rateLimited.heading"))}</h1><p>${escapeHtml(message)}</p>
<p>${escapeHtml(t("rateLimited.retry", { time: retryAt(retry), wait }))}</p></div>
<p><a href="${escapeHtml(backHref)}">${escapeHtml(backLabel)}</a></p></body></html>`;
  return new Response(html, {
    status: 429,
    headers: { "content-type": "text/html; charset=utf-8", "retry-after": String(retry), "cache-control": "no-store" },
  });
}

function retryAt(seconds: number): string {
  return new Intl.DateTimeFormat("zh-CN", {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hour12: false,
    timeZone: "Asia/Shanghai",
  }).format(new Date(Date.now() + seconds * 1000));
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
