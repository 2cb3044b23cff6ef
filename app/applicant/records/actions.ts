"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { removeRecordSchema, saveRecordSchema, type RecordKind } from "@/lib/schemas/applications";
import { positional } from "@/app/_lib/action-pipeline";
import {
  addAchievement,
  addContinuingEducation,
  addWorkExperience,
  deleteAchievement,
  deleteContinuingEducation,
  deleteWorkExperience,
  updateAchievement,
  updateContinuingEducation,
  updateWorkExperience,
} from "@/lib/services/records/personal-records";

const PATHS: Record<RecordKind, string> = {
  work: "/applicant/records/work",
  achievement: "/applicant/records/achievements",
  ce: "/applicant/records/education",
};

/** 添加 / 修改 one record of the signed-in person (id null = new); the record service checks the fields. */
export const saveRecord = positional("applicant", saveRecordSchema, async ([kind, id, values], { actor }) => {
  const db = getDb();
  const v = values as never;
  const out =
    kind === "work"
      ? await (id ? updateWorkExperience(db, actor, id, v) : addWorkExperience(db, actor, v))
      : kind === "achievement"
        ? await (id ? updateAchievement(db, actor, id, v) : addAchievement(db, actor, v))
        : await (id ? updateContinuingEducation(db, actor, id, v) : addContinuingEducation(db, actor, v));
  revalidatePath(PATHS[kind]);
  return out;
});

export const removeRecord = positional("applicant", removeRecordSchema, async ([kind, id], { actor }) => {
  const db = getDb();
  const remove =
    kind === "work" ? deleteWorkExperience : kind === "achievement" ? deleteAchievement : deleteContinuingEducation;
  const out = await remove(db, actor, id);
  revalidatePath(PATHS[kind]);
  return out;
});
