import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { getAuthOptions } from "@/lib/server/auth";
import { credentialsProviders } from "./credentials-providers";

// Options are built per request (lazily, once) so a missing NEXTAUTH_SECRET fails at request time, not at build time.
function handler(req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(req, ctx, { ...getAuthOptions(), providers: credentialsProviders() });
}

export { handler as GET, handler as POST };
