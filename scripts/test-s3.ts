/**
 * S3-compatible server for the test run (s3rver on a loopback port), kept running; writes its endpoint for the tests.
 */
import fs from "node:fs";
import path from "node:path";
import { startTestS3 } from "@/tests/support/s3rver";

const directory = path.resolve("test-results/test-s3");
fs.mkdirSync(directory, { recursive: true });
const s3 = await startTestS3({ port: Number(process.env.TEST_S3_PORT ?? 0), directory, bucket: "portal-test" });
fs.writeFileSync("test-results/test-s3.url", s3.endpoint);
process.on("SIGTERM", () => void s3.stop().then(() => process.exit(0)));
setInterval(() => {}, 1 << 30);
