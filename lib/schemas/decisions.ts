import { z } from "zod";
import { m } from "./messages";
import { checkbox, list, optionalText, postedVersion, text, upload, uuid } from "./common";

/**
 * The decision forms of reviewers and employers, as posted. Only the shape is checked here (ids, lengths, clean
 * text, known choices); whether a decision has what it needs (补正内容, 理由 …) is the engine's rule (W4–W6, M1).
 */
const UNKNOWN = m("unknownHandling");
const reasonList = list(text(500), 20).transform((rs) => rs.filter(Boolean));

const REVIEW_ACTIONS = [
  "accept",
  "request_correction",
  "reject",
  "forward",
  "approve",
  "publish_notice",
  "conclude",
] as const;

export const reviewDecisionSchema = z.object({
  action: z.enum(REVIEW_ACTIONS, UNKNOWN),
  applicationId: uuid,
  version: postedVersion,
  opinion: optionalText(1000),
  content: text(1000).default(""),
  reason: text(1000).default(""),
  reasons: reasonList,
  outcome: z.enum(["pass", "fail"], m("noticeOutcome")).optional(),
});

export const countersignSchema = z.object({
  applicationId: uuid,
  version: postedVersion,
  opinionTicked: checkbox.refine((ticked) => ticked, m("tickOpinion")),
  opinion: optionalText(500),
});

export const returnSchema = z.object({ applicationId: uuid, version: postedVersion, reason: text(500).default("") });

export const withdrawalDecisionSchema = z.object({
  applicationId: uuid,
  version: postedVersion,
  decision: z.enum(["consent", "decline"], UNKNOWN),
  opinion: optionalText(500),
});

export const noticeBatchSchema = z.object({
  title: text(300),
  body: text(6000),
  endsOn: text(10),
  applicationIds: list(uuid, 500),
});

export const forcedCancellationSchema = z.object({
  registrationId: z.guid(m("chooseRegistrant")),
  reason: text(100).default(""),
  opinion: optionalText(500),
  declared: checkbox.refine((ticked) => ticked, m("tickDeclaration")),
  judgment: upload,
});
