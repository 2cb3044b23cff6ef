import { closeDb, getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

await migrateDatabase(getDb());
await closeDb();
console.log("migrations applied");
