/** Worker thread for bench/pdf-run.ts: renders the requested document and answers with its size. */
import { parentPort } from "node:worker_threads";
import { renderApplicationForm } from "@/lib/server/pdf/application-form";
import { renderCertificate } from "@/lib/server/pdf/certificate";
import { benchImages, certificateData, formData } from "./pdf-fixtures";

const images = await benchImages();
parentPort!.on("message", async ({ id, kind, i }: { id: number; kind: "form" | "certificate"; i: number }) => {
  const bytes =
    kind === "form"
      ? await renderApplicationForm(formData(i, images))
      : await renderCertificate(certificateData(i, images));
  parentPort!.postMessage({ id, size: bytes.length });
});
parentPort!.postMessage({ ready: true });
