import svgCaptcha from "svg-captcha";
import { NextResponse } from "next/server";
import { CAPTCHA_CHARS, CAPTCHA_COOKIE, CAPTCHA_TTL_MS, signCaptcha } from "@/lib/server/captcha";

export const dynamic = "force-dynamic";

/** A fresh 4-character image captcha; its signed answer goes into an httpOnly cookie (see lib/server/captcha.ts). */
export function GET() {
  const captcha = svgCaptcha.create({
    size: 4,
    charPreset: CAPTCHA_CHARS,
    noise: 2,
    color: true, // svg-captcha colours the characters whenever a background is set
    background: "#f3f6fa",
    width: 120,
    height: 44,
    fontSize: 46,
  });
  const res = new NextResponse(captcha.data, {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Cache-Control": "no-store, max-age=0",
    },
  });
  res.cookies.set(CAPTCHA_COOKIE, signCaptcha(captcha.text), {
    httpOnly: true,
    sameSite: "strict",
    path: "/",
    maxAge: Math.floor(CAPTCHA_TTL_MS / 1000),
    secure: process.env.NEXTAUTH_URL?.startsWith("https://") ?? false,
  });
  return res;
}
