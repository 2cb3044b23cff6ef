import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";

/** Each signed-in area's 修改登录密码 page. */
const PASSWORD_PAGE: Record<string, string> = {
  admin: "/admin/password",
  reviewer: "/review/password",
  employer: "/employer/password",
  applicant: "/applicant/password",
};

/**
 * A user who signed in with an administrator's one-time password (new account, reset) sees only their 修改登录密码
 * page until they set their own. The flag lives in the session token: set at sign-in, cleared when the password
 * changes (lib/server/auth.ts).
 */
export async function proxy(req: NextRequest) {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) return NextResponse.next();
  const token = await getToken({ req, secret }).catch(() => null);
  if (!token?.mustChangePassword || !token.role) return NextResponse.next();
  const target = PASSWORD_PAGE[token.role];
  if (!target || req.nextUrl.pathname === target) return NextResponse.next();
  // Next needs an absolute address here: the configured public one, never the request's Host header.
  return NextResponse.redirect(new URL(`${target}?first=1`, process.env.PORTAL_URL ?? req.nextUrl.origin));
}

export const config = { matcher: ["/admin/:path*", "/review/:path*", "/employer/:path*", "/applicant/:path*"] };
