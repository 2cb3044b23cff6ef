import { headers } from "next/headers";
import { clientIp } from "./client-ip";

/** Client IP of the current request (server actions, server components). */
export async function requestContext(): Promise<{ ip: string }> {
  const h = await headers();
  return { ip: clientIp(h) };
}
