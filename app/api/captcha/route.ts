import { newChallenge } from "@/lib/server/captcha";

export const dynamic = "force-dynamic";

/** A fresh proof-of-work challenge for the 人机验证 widget (see lib/server/captcha.ts). */
export async function GET(): Promise<Response> {
  return Response.json(await newChallenge(), { headers: { "Cache-Control": "no-store" } });
}
