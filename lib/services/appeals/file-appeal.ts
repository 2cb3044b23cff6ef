import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import type { Actor } from "../actor";
import { notFound, refused, say, named } from "../errors";
import { uploadFile } from "../files/upload-file";
import { recordAnomalyStep } from "../people/anomaly-trail";

export type AppealProof = { fileName: string; bytes: Uint8Array; programCode: string };

/**
 * 我的申辩 (T3, `003` §2.6): the person contests an open anomaly on themselves with an explanation and a scan of the
 * proof (the portal's upload checks, kept at once since the appeal is saved with it). One undecided appeal per
 * anomaly; the authority decides it in 申辩处理.
 */
export async function fileAppeal(
  db: Database,
  actor: Actor,
  input: { anomalyId: string; statement: string; proof: AppealProof },
) {
  if (actor.role !== "applicant" || !actor.personId) throw notFound("page");
  const personId = actor.personId;
  return db.transaction(async (tx) => {
    // Row lock: a second submission of the same appeal waits here and then finds the first one pending.
    const [anomaly] = await tx
      .select()
      .from(s.personAnomalies)
      .where(and(eq(s.personAnomalies.id, input.anomalyId), eq(s.personAnomalies.personId, personId)))
      .for("update");
    if (!anomaly) throw notFound("anomaly");
    if (anomaly.status !== "open")
      throw refused(say("appeals.cleared", { what: named(`anomalyKind.${anomaly.kind}`) }));
    const [pending] = await tx
      .select({ id: s.appeals.id })
      .from(s.appeals)
      .where(and(eq(s.appeals.anomalyId, anomaly.id), eq(s.appeals.status, "submitted")));
    if (pending) throw refused(say("appeals.pending", { what: named(`anomalyKind.${anomaly.kind}`) }));

    const proof = await uploadFile(tx, actor, {
      kind: "scan",
      programCode: input.proof.programCode,
      fileName: input.proof.fileName,
      bytes: input.proof.bytes,
      purpose: "申辩证明材料",
    });
    await tx.update(s.files).set({ state: "kept" }).where(eq(s.files.id, proof.fileId));
    const [appeal] = await tx
      .insert(s.appeals)
      .values({
        personId,
        anomalyId: anomaly.id,
        anomaly: anomaly.kind,
        statement: input.statement,
        proofFileId: proof.fileId,
      })
      .returning({ id: s.appeals.id });
    await recordAnomalyStep(tx, actor, {
      anomalyId: anomaly.id,
      personId,
      action: "appealed",
      note: input.statement,
      notice: (n) => {
        const kind = n.anomaly(anomaly.kind);
        return { title: n.t("anomaly.appealed.title", { kind }), body: n.t("anomaly.appealed.body", { kind }) };
      },
    });
    return { appealId: appeal!.id };
  });
}
