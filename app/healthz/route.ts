/** Liveness for a load balancer or supervisor: the process answers. Touches nothing else. */
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
