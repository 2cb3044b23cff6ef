import { readiness } from "@/lib/server/readiness";

/** Readiness: database reachable, migrations applied, file storage writable — 200 when all hold, else 503. */
export const dynamic = "force-dynamic";

export async function GET() {
  const { ready, checks } = await readiness();
  return Response.json(
    { status: ready ? "ready" : "not ready", checks },
    { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
