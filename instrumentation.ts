/**
 * Runs once when a server process starts: registers the programs an installation added as reference data
 * (PORTAL_REFERENCE_DIR), so every request of this process knows them. The start already validated the files.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { loadReferenceData } = await import("./lib/server/reference-files");
  loadReferenceData();
}
