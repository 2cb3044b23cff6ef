"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { text, uuid } from "@/lib/schemas/common";
import { action, positional } from "@/app/_lib/action-pipeline";
import { searchEmployers } from "@/lib/queries/applicant-employers";
import { changeEmployer } from "@/lib/services/people/change-employer";
import { setPortrait } from "@/lib/services/people/set-portrait";

/** 验证企业名称: suggestions for what was typed (debounced by the picker). */
export const findEmployers = action("applicant", text(100), async (typed) => ({
  employers: await searchEmployers(getDb(), typed, 8),
}));

export const chooseEmployer = positional("applicant", z.tuple([uuid]), async ([employerId], { actor }) => {
  const out = await changeEmployer(getDb(), actor, { employerId });
  revalidatePath("/applicant", "layout");
  return out;
});

const portraitKind = z.enum(["photo", "signature"], "上传类型不正确，请刷新页面后重试。");

export const savePortrait = positional(
  "applicant",
  z.tuple([portraitKind, uuid]),
  async ([kind, fileId], { actor }) => {
    await setPortrait(getDb(), actor, { kind, fileId });
    revalidatePath("/applicant", "layout");
    return {};
  },
);
