/**
 * The shape of a reference-data file (JSON): authorities and provincial programs an installation adds without a code
 * edit. One zod schema validates the file at start and types what the loader returns.
 */
import { z } from "zod";
import { APPLICATION_TYPES, AUTHORITY_LEVELS } from "@/lib/domain/types";

const twoDigits = z.string().regex(/^\d{2}$/, "应为两位数字");

export const authorityDefinitionSchema = z.object({
  code: z.string().regex(/^[a-z0-9_-]{2,32}$/, "应为 2–32 位小写字母、数字、下划线或连字符"),
  name: z.string().min(2).max(100),
  level: z.enum(AUTHORITY_LEVELS),
  provinceCode: twoDigits.nullish(),
  numberingCode: twoDigits,
  officeCode: z.string().regex(/^\d{3,8}$/),
  parentCode: z.string().nullish(),
  contactPhone: z.string().max(40).nullish(),
  /** 联系方式 on the public site: 办公地址 and 咨询时间. */
  contactAddress: z.string().max(200).nullish(),
  officeHours: z.string().max(100).nullish(),
});
export type AuthorityDefinition = z.infer<typeof authorityDefinitionSchema>;

const fileLimitSchema = z.object({
  maxBytes: z.number().int().positive(),
  minBytes: z.number().int().nonnegative().optional(),
  formats: z.array(z.string().regex(/^[a-z0-9]+$/)).min(1),
  recommendedPx: z.object({ width: z.number().int().positive(), height: z.number().int().positive() }).optional(),
  source: z.string(),
});

/** A 二级造价工程师 program of one province (the parameters its authority sets: windows, deadlines, file limits). */
const provincialCost2DefinitionSchema = z.object({
  kind: z.literal("cost2-provincial"),
  suffix: z.string().regex(/^[a-z]{2,8}$/, "应为 2–8 位小写字母"),
  province: z.string().min(2),
  provinceCode: twoDigits,
  authority: z.string().min(2),
  authorityCode: twoDigits.optional(),
  acceptanceOfficeCode: z.string().regex(/^\d{3}$/),
  applicationTypes: z.array(z.enum(APPLICATION_TYPES)).optional(),
  changeScopes: z.array(z.enum(["within_province", "cross_province"])).optional(),
  extensionWindowDays: z.number().int().positive().max(365).optional(),
  initialDeadlineMonths: z.number().int().positive().max(120).optional(),
  photo: fileLimitSchema.optional(),
  signature: fileLimitSchema.optional(),
  options: z
    .object({
      refuseOutOfProvinceQualification: z.boolean(),
      autoApproveOnEmployerSeal: z.array(z.enum(APPLICATION_TYPES)),
      cancellationCompletesOnEmployerSignature: z.boolean(),
      withdrawalNeedsEmployerConsent: z.boolean(),
      publicNotice: z.boolean(),
      noChangeRegistrationAdvice: z.string().nullable(),
      /** Segregation of duties: false = the reviewer who accepted may not also decide (issue 9 item 9). */
      acceptorMayDecide: z.boolean(),
    })
    .partial()
    .optional(),
  labels: z.object({ signed: z.string(), countersign: z.string(), countersigned: z.string() }).partial().optional(),
});

export const referenceFileSchema = z.object({
  authorities: z.array(authorityDefinitionSchema).default([]),
  programs: z.array(provincialCost2DefinitionSchema).default([]),
});
