/**
 * The whole portal's data model. Domain vocabularies (statuses, types) live in lib/domain/types.ts and are stored as
 * text typed with `$type<…>()`, so adding a status is a domain change, not a migration.
 *
 * Conventions: uuid primary keys for anything a URL can name (not guessable, no enumeration); bigserial for
 * append-only logs; dates without time as `date` (ISO strings in TS), instants as `timestamptz`.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from "drizzle-orm/pg-core";
import type { Locale } from "@/lib/i18n/locales";
import type {
  ApplicationStatus,
  ApplicationType,
  AuthorityLevel,
  IdDocumentType,
  RegistrationStatus,
  UserRole,
} from "@/lib/domain/types";
import type { ApprovalOutcome, FiledFacts } from "@/lib/domain/filed-facts";

const id = () => uuid("id").primaryKey().defaultRandom();
const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

/** 审批机构: provincial offices, the ministry, the 香港地区 route and the association (中价协) that forwards it. */
export const authorities = pgTable("authorities", {
  id: id(),
  code: varchar("code", { length: 32 }).notNull().unique(),
  name: text("name").notNull(),
  level: text("level").$type<AuthorityLevel>().notNull(),
  /** GB/T 2260 two-digit province code (31 上海, 33 浙江); null for national bodies. */
  provinceCode: varchar("province_code", { length: 2 }),
  parentId: uuid("parent_id"),
  /** Two-digit authority code used in registration numbers (R1). */
  numberingCode: varchar("numbering_code", { length: 2 }).notNull(),
  /** Office code used in acceptance numbers (R2). */
  officeCode: varchar("office_code", { length: 8 }).notNull(),
  contactPhone: text("contact_phone"),
  /** A disabled authority gets no new applications routed to it and its reviewers cannot be created. */
  disabled: boolean("disabled").notNull().default(false),
  /** 联系方式 on the public site: 办公地址 and 咨询时间 (the phone above is the 咨询电话). */
  contactAddress: text("contact_address"),
  officeHours: text("office_hours"),
  createdAt: createdAt(),
});

/** 聘用单位 */
export const employers = pgTable(
  "employers",
  {
    id: id(),
    name: text("name").notNull(),
    /** 统一社会信用代码 (GB 32100-2015, checksum-validated on input). */
    uscc: varchar("uscc", { length: 18 }).notNull().unique(),
    /** 企业类型: 造价咨询, 建设, 勘察设计, 施工, 招标代理, 监理, 造价管理 (G3). */
    kind: text("kind").notNull(),
    qualificationCertNo: text("qualification_cert_no"),
    provinceCode: varchar("province_code", { length: 2 }).notNull(),
    contactPhone: text("contact_phone").notNull(),
    address: text("address"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("employers_name_idx").on(t.name)],
);

/** 注册人员 — identity fields come from the verified account (G10). */
export const people = pgTable(
  "people",
  {
    id: id(),
    name: text("name").notNull(),
    gender: text("gender").$type<"male" | "female">().notNull(),
    birthDate: date("birth_date").notNull(),
    idType: text("id_type").$type<IdDocumentType>().notNull(),
    idNumber: varchar("id_number", { length: 32 }).notNull(),
    phone: varchar("phone", { length: 20 }).notNull(),
    address: text("address"),
    email: text("email"),
    education: text("education"),
    degree: text("degree"),
    school: text("school"),
    major: text("major"),
    graduationDate: date("graduation_date"),
    /** 现任专业技术职务 */
    title: text("title"),
    yearsOfExperience: integer("years_of_experience"),
    employerId: uuid("employer_id").references(() => employers.id),
    employmentStart: date("employment_start"),
    employmentEnd: date("employment_end"),
    /** Province whose authority handles the person's provincial filings (二造), GB/T 2260 code. */
    provinceCode: varchar("province_code", { length: 2 }),
    photoFileId: uuid("photo_file_id"),
    signatureFileId: uuid("signature_file_id"),
    /** G6: set from the social-insurance check; reviewers see it. */
    socialInsuranceAnomaly: boolean("social_insurance_anomaly").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("people_id_doc_uq").on(t.idType, t.idNumber),
    // Reviewers search by ID number without knowing the document type.
    index("people_id_number_idx").on(t.idNumber),
    index("people_employer_idx").on(t.employerId),
    index("people_name_idx").on(t.name),
  ],
);

/** Sign-in accounts. One account per person, per employer, per reviewer/admin. */
export const userAccounts = pgTable(
  "user_accounts",
  {
    id: id(),
    role: text("role").$type<UserRole>().notNull(),
    /** applicant: `${idType}:${idNumber}`; employer: USCC; reviewer/admin: username. Unique per role. */
    loginName: varchar("login_name", { length: 64 }).notNull(),
    /** Null until an applicant completes 获取密码. scrypt, see lib/server/password.ts. */
    passwordHash: text("password_hash"),
    displayName: text("display_name").notNull(),
    personId: uuid("person_id").references(() => people.id),
    employerId: uuid("employer_id").references(() => employers.id),
    authorityId: uuid("authority_id").references(() => authorities.id),
    /** Phone that receives one-time codes for employers and staff (applicants use people.phone). */
    phone: varchar("phone", { length: 20 }),
    disabled: boolean("disabled").notNull().default(false),
    /** Bumped on password change: sessions carrying an older value are refused. */
    sessionGeneration: integer("session_generation").notNull().default(0),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }),
    /**
     * Set when an administrator creates the account or resets its password: the user sets their own at next sign-in.
     */
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    /** The language this account chose in the header's switch (issue 14 item 4); pages, messages and SMS use it. */
    locale: varchar("locale", { length: 8 }).$type<Locale>().notNull().default("zh-CN"),
    createdAt: createdAt(),
  },
  (t) => [
    check("user_accounts_locale_ck", sql`${t.locale} in ('zh-CN', 'en')`),
    uniqueIndex("user_accounts_role_login_uq").on(t.role, t.loginName),
    index("user_accounts_person_idx").on(t.personId),
    index("user_accounts_employer_idx").on(t.employerId),
    check(
      "user_accounts_role_link_ck",
      sql`(${t.role} = 'applicant' and ${t.personId} is not null)
        or (${t.role} = 'employer' and ${t.employerId} is not null)
        or (${t.role} = 'reviewer' and ${t.authorityId} is not null)
        or (${t.role} = 'admin')`,
    ),
  ],
);

/** 注册项目 (profession × jurisdiction). Rules live in lib/domain/programs; this row anchors foreign keys. */
export const programs = pgTable("programs", {
  code: varchar("code", { length: 32 }).primaryKey(),
  name: text("name").notNull(),
  provinceCode: varchar("province_code", { length: 2 }),
});

export const specialties = pgTable(
  "specialties",
  {
    programCode: varchar("program_code", { length: 32 })
      .notNull()
      .references(() => programs.code),
    code: varchar("code", { length: 32 }).notNull(),
    name: text("name").notNull(),
  },
  (t) => [primaryKey({ columns: [t.programCode, t.code] })],
);

/** 资格证书 */
export const qualifications = pgTable(
  "qualifications",
  {
    id: id(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    programCode: varchar("program_code", { length: 32 })
      .notNull()
      .references(() => programs.code),
    specialtyCode: varchar("specialty_code", { length: 32 }).notNull(),
    /** 资格证书管理号 (I5) */
    managementNo: text("management_no").notNull(),
    certificateNo: text("certificate_no"),
    approvalDate: date("approval_date").notNull(),
    issueDate: date("issue_date"),
    /** 资格取得所在地, GB/T 2260 code (Zhejiang refuses other provinces' qualifications). */
    obtainedProvinceCode: varchar("obtained_province_code", { length: 2 }),
    /** 获取执业资格方式: 考试, 考核认定, 互认 … */
    obtainedBy: text("obtained_by").notNull().default("考试"),
    createdAt: createdAt(),
  },
  (t) => [
    index("qualifications_person_idx").on(t.personId),
    uniqueIndex("qualifications_person_spec_uq").on(t.personId, t.programCode, t.specialtyCode),
  ],
);

/** 注册 / 注册证书. One row per registration number; a reissue with a new number supersedes the old row. */
export const registrations = pgTable(
  "registrations",
  {
    id: id(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    programCode: varchar("program_code", { length: 32 })
      .notNull()
      .references(() => programs.code),
    specialtyCode: varchar("specialty_code", { length: 32 }).notNull(),
    registrationNo: varchar("registration_no", { length: 40 }).notNull().unique(),
    sealNo: varchar("seal_no", { length: 40 }).notNull(),
    /** Issue sequence of the current seal (a lost seal gets the next one). */
    sealSequence: integer("seal_sequence").notNull().default(1),
    employerId: uuid("employer_id").references(() => employers.id),
    /** Employer name as printed on the certificate (R4 re-syncs it). */
    employerName: text("employer_name").notNull(),
    /** Province of the employer on the certificate; decides 本省/跨省 change scope (C1). */
    employerProvinceCode: varchar("employer_province_code", { length: 2 }),
    issuingAuthorityId: uuid("issuing_authority_id")
      .notNull()
      .references(() => authorities.id),
    validFrom: date("valid_from").notNull(),
    validTo: date("valid_to").notNull(),
    status: text("status").$type<RegistrationStatus>().notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull().defaultNow(),
    sourceApplicationId: uuid("source_application_id"),
    supersededById: uuid("superseded_by_id"),
    /** 领证 state of the electronic certificate: 未领证 → 生成中 → 可下载. */
    certificateState: text("certificate_state")
      .$type<"unclaimed" | "generating" | "ready">()
      .notNull()
      .default("unclaimed"),
    certificateFileId: uuid("certificate_file_id"),
    /** When the running 领证 took 生成中: a claim older than a few minutes died with its process and may be retaken. */
    certificateClaimedAt: timestamp("certificate_claimed_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("registrations_person_idx").on(t.personId),
    index("registrations_employer_idx").on(t.employerId),
    // A person never holds two active registrations for one specialty (I1): enforced by the database too.
    uniqueIndex("registrations_one_active_uq")
      .on(t.personId, t.programCode, t.specialtyCode)
      .where(sql`status in ('active', 'suspended')`),
  ],
);

/**
 * Every electronic certificate issued through 领证, by the serial its QR code carries (`/verify/<no>?c=<serial>`).
 * Lets the public page tell an older issue of a registration's certificate (不是最新版本) from a code this portal never
 * issued for it (无法识别).
 */
export const certificateIssues = pgTable(
  "certificate_issues",
  {
    registrationId: uuid("registration_id")
      .notNull()
      .references(() => registrations.id),
    serial: varchar("serial", { length: 32 }).notNull(),
    fileId: uuid("file_id").notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.registrationId, t.serial] })],
);

/** 申请. `version` increments on every change; services update with `where id = ? and version = ? and status = ?`. */
export const applications = pgTable(
  "applications",
  {
    id: id(),
    /** 受理编号 (R2), assigned when first signed/submitted. */
    acceptanceNo: varchar("acceptance_no", { length: 32 }).unique(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    programCode: varchar("program_code", { length: 32 })
      .notNull()
      .references(() => programs.code),
    type: text("type").$type<ApplicationType>().notNull(),
    /** Type variant: change scope (本省/跨省/机构内) or reissue reason; the rest of the form is in formData. */
    subtype: text("subtype"),
    specialtyCode: varchar("specialty_code", { length: 32 }),
    /** Review route of the program (`default`, or `hk` for the 香港地区 route of 一级造价工程师). */
    route: varchar("route", { length: 16 }).notNull().default("default"),
    /** Registration the application acts on (extension, change, cancellation, reissue …). */
    registrationId: uuid("registration_id").references(() => registrations.id),
    employerId: uuid("employer_id").references(() => employers.id),
    /** Authority whose queue currently holds the application (null before it reaches one). */
    authorityId: uuid("authority_id").references(() => authorities.id),
    /** 1-based position in the program's review chain while at an authority; 0 before and after. */
    currentLevel: integer("current_level").notNull().default(0),
    status: text("status").$type<ApplicationStatus>().notNull().default("draft"),
    /** Bumped by every change; services update `where id = ? and version = ? and status = ?`. */
    version: integer("version").notNull().default(0),
    /** The form as saved (validated by the domain's form description of its type). */
    formData: jsonb("form_data").$type<Record<string, unknown>>().notNull().default({}),
    /** G8: the last save passed server validation (the sign button appears only then). */
    savedValid: boolean("saved_valid").notNull().default(false),
    /** W1: once any authority accepted it, the applicant can no longer withdraw. */
    everAccepted: boolean("ever_accepted").notNull().default(false),
    /** K2 强制注销 */
    forcedCancellation: boolean("forced_cancellation").notNull().default(false),
    /** K2: a forced cancellation the employer filed itself (the applicant cannot withdraw it). */
    filedByEmployer: boolean("filed_by_employer").notNull().default(false),
    infoChangeKind: text("info_change_kind").$type<"basic" | "important">(),
    /** 浙江 automatic approval / 上海 cancellation on the employer's signature. */
    decidedWithoutReview: boolean("decided_without_review").notNull().default(false),
    /** 退回个人 reason (employer). */
    returnReason: text("return_reason"),
    /** W5: 不予注册 reasons, kept so the applicant can correct and resubmit. */
    rejectionReasons: jsonb("rejection_reasons").$type<string[]>().notNull().default([]),
    /** W4: 补正内容 / 补正原因 and where the application returns after the answer. */
    correction: jsonb("correction").$type<{
      content: string;
      reason: string;
      from: "pending_acceptance" | "under_review";
    } | null>(),
    /** W6: the published outcome and its reasons. */
    notice: jsonb("notice").$type<{ outcome: "pass" | "fail"; reasons: string[] } | null>(),
    /** G6: anomaly confirmed by the applicant at filing, shown to reviewers. */
    socialInsuranceAnomaly: boolean("social_insurance_anomaly").notNull().default(false),
    formPdfFileId: uuid("form_pdf_file_id"),
    /**
     * What the application was about when signed (registration, employer, change scope …); views and the PDF show this.
     */
    filed: jsonb("filed").$type<FiledFacts | null>(),
    /** On approval: the numbers it issued and the ones it voided (S1, C3), kept as decided. */
    outcome: jsonb("outcome").$type<ApprovalOutcome | null>(),
    applicantSignedAt: timestamp("applicant_signed_at", { withTimezone: true }),
    employerSignedAt: timestamp("employer_signed_at", { withTimezone: true }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** 补正 deadline (China date) while correction_requested; set with the request from program data (issue 11). */
    correctionDueOn: date("correction_due_on"),
    /** Expected decision date: working days after 受理 from program data and the holiday calendar (issue 11). */
    expectedDecisionOn: date("expected_decision_on"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Reviewer queues: WHERE authority_id = ? AND status = ? ORDER BY submitted_at DESC, id — keyset pagination.
    index("applications_queue_idx").on(t.authorityId, t.status, t.submittedAt.desc(), t.id.desc()),
    // Employer queues (M1): WHERE employer_id = ? AND status = ? ORDER BY applicant_signed_at DESC.
    index("applications_employer_queue_idx").on(t.employerId, t.status, t.applicantSignedAt.desc(), t.id.desc()),
    index("applications_person_idx").on(t.personId, t.createdAt.desc()),
    // 姓名 / 证件号码 search in a reviewer queue starts from the people found; this finds each one's applications at
    // the authority in the tab's statuses without fetching the rest of their history (issue 12).
    index("applications_person_authority_status_idx").on(t.personId, t.authorityId, t.status),
    index("applications_program_type_idx").on(t.programCode, t.type, t.status),
    // 企业已确认查询 (M3) lists every countersigned application whatever its status, newest 个人签名时间 first: without
    // this partial index PostgreSQL reads all of a large employer's rows and sorts them (issue 12).
    index("applications_employer_confirmed_idx")
      .on(t.employerId, t.applicantSignedAt.desc(), t.id.desc())
      // The employer's 企业已确认查询: what it countersigned and its staff's forced cancellations (K2), which it never signs.
      .where(sql`(employer_signed_at is not null or forced_cancellation = true)`),
    // G2: at most one application under approval per person and program (IN_FLIGHT_STATUSES in lib/domain) — the
    // database refuses a second one even when two requests race past the engine's check.
    uniqueIndex("applications_one_in_flight_uq")
      .on(t.personId, t.programCode)
      .where(
        sql.raw(
          "status in ('signed', 'pending_acceptance', 'withdrawal_requested', 'correction_requested', " +
            "'under_review', 'publicized')",
        ),
      ),
  ],
);

/**
 * Exact queue sizes per authority / employer and status, for the reviewer's tab badges. A trigger on `applications`
 * keeps them in the same transaction as every insert, status change, move between authorities and delete, so a page
 * reads a few rows instead of counting a third of a million (issue 12). `scope` is 'authority' or 'employer'.
 */
export const applicationQueueCounts = pgTable(
  "application_queue_counts",
  {
    scope: text("scope").$type<"authority" | "employer">().notNull(),
    ownerId: uuid("owner_id").notNull(),
    status: text("status").$type<ApplicationStatus>().notNull(),
    n: bigint("n", { mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.scope, t.ownerId, t.status] })],
);

/**
 * 审核进度 timeline and audit log in one append-only table (T1). Each row is chained to the previous row of the same
 * application by SHA-256 (`prevHash` → `hash`); a trigger refuses UPDATE and DELETE.
 */
export const applicationEvents = pgTable(
  "application_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id),
    /** 1, 2, 3 … within the application; unique, so two writers cannot both append event n. */
    seq: integer("seq").notNull(),
    actorUserId: uuid("actor_user_id").references(() => userAccounts.id),
    actorKind: text("actor_kind").notNull(),
    /** Denormalised display name so the timeline survives account changes. */
    actorName: text("actor_name").notNull(),
    action: text("action").notNull(),
    fromStatus: text("from_status").$type<ApplicationStatus>(),
    toStatus: text("to_status").$type<ApplicationStatus>().notNull(),
    opinion: text("opinion"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    prevHash: varchar("prev_hash", { length: 64 }).notNull(),
    hash: varchar("hash", { length: 64 }).notNull(),
  },
  (t) => [uniqueIndex("application_events_seq_uq").on(t.applicationId, t.seq)],
);

/** Uploaded and generated files. Bytes live on disk under the storage root (never under public/). */
export const files = pgTable(
  "files",
  {
    id: id(),
    kind: text("kind")
      .$type<
        | "photo"
        | "signature"
        | "scan"
        | "correction"
        | "application_form"
        | "acceptance_notice"
        | "certificate"
        | "personnel"
        | "announcement_attachment"
      >()
      .notNull(),
    ownerPersonId: uuid("owner_person_id").references(() => people.id),
    ownerEmployerId: uuid("owner_employer_id").references(() => employers.id),
    applicationId: uuid("application_id").references(() => applications.id),
    /** What the attachment is for (e.g. 解聘证明), per the type's attachment list. */
    purpose: text("purpose"),
    originalName: text("original_name"),
    mimeType: varchar("mime_type", { length: 64 }).notNull(),
    byteSize: integer("byte_size").notNull(),
    sha256: varchar("sha256", { length: 64 }).notNull(),
    storageKey: text("storage_key").notNull().unique(),
    /** F1: uploads stay `pending` until the application is saved; pending files are swept. */
    state: text("state").$type<"pending" | "kept">().notNull().default("pending"),
    uploadedBy: uuid("uploaded_by").references(() => userAccounts.id),
    createdAt: createdAt(),
  },
  (t) => [index("files_application_idx").on(t.applicationId), index("files_owner_person_idx").on(t.ownerPersonId)],
);

/** 我的消息 (T2) */
export const messages = pgTable(
  "messages",
  {
    id: id(),
    recipientUserId: uuid("recipient_user_id")
      .notNull()
      .references(() => userAccounts.id),
    applicationId: uuid("application_id").references(() => applications.id),
    title: text("title").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [index("messages_recipient_idx").on(t.recipientUserId, t.createdAt.desc())],
);

/** 继续教育 */
export const continuingEducation = pgTable(
  "continuing_education",
  {
    id: id(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    programCode: varchar("program_code", { length: 32 }).references(() => programs.code),
    specialtyCode: varchar("specialty_code", { length: 32 }),
    year: integer("year").notNull(),
    category: text("category").$type<"required" | "elective">().notNull(),
    hours: integer("hours").notNull(),
    courseName: text("course_name"),
    trainingDate: date("training_date").notNull(),
    provider: text("provider").notNull(),
    /** `self` = typed by the person; `ceca` = linked automatically from the association's platform. */
    source: text("source").$type<"self" | "ceca">().notNull().default("self"),
    createdAt: createdAt(),
  },
  (t) => [
    index("continuing_education_person_idx").on(t.personId, t.year),
    check("continuing_education_hours_ck", sql`${t.hours} > 0 and ${t.hours} <= 200`),
  ],
);

/** 工作经历 */
export const workExperiences = pgTable(
  "work_experiences",
  {
    id: id(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    startDate: date("start_date").notNull(),
    endDate: date("end_date"),
    organization: text("organization").notNull(),
    position: text("position"),
    duties: text("duties"),
    createdAt: createdAt(),
  },
  (t) => [index("work_experiences_person_idx").on(t.personId)],
);

/** 工作业绩 (I3: the last 3 years, at least one per year) */
export const achievements = pgTable(
  "achievements",
  {
    id: id(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    year: integer("year").notNull(),
    projectName: text("project_name").notNull(),
    role: text("role"),
    description: text("description"),
    completedOn: date("completed_on"),
    createdAt: createdAt(),
  },
  (t) => [index("achievements_person_idx").on(t.personId, t.year)],
);

/** 公示 / 公告 (W6) */
export const notices = pgTable(
  "notices",
  {
    id: id(),
    authorityId: uuid("authority_id")
      .notNull()
      .references(() => authorities.id),
    kind: text("kind").$type<"publicity" | "announcement">().notNull(),
    title: text("title").notNull(),
    body: text("body"),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
    endsOn: date("ends_on"),
    createdBy: uuid("created_by").references(() => userAccounts.id),
  },
  (t) => [index("notices_published_idx").on(t.publishedAt.desc())],
);

export const noticeItems = pgTable(
  "notice_items",
  {
    noticeId: uuid("notice_id")
      .notNull()
      .references(() => notices.id),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => applications.id),
  },
  (t) => [primaryKey({ columns: [t.noticeId, t.applicationId] })],
);

/** M4: personnel records an employer keeps and submits for authority review. */
export const personnelRecords = pgTable(
  "personnel_records",
  {
    id: id(),
    employerId: uuid("employer_id")
      .notNull()
      .references(() => employers.id),
    personId: uuid("person_id").references(() => people.id),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    status: text("status").$type<"draft" | "submitted" | "approved" | "returned">().notNull().default("draft"),
    reviewOpinion: text("review_opinion"),
    /** 证件号码 out of `data`, so one employer cannot keep two records of the same person (M4). */
    idNumber: varchar("id_number", { length: 32 }).notNull(),
    /** Optimistic concurrency: every save, submission and review bumps it; a stale page is refused. */
    version: integer("version").notNull().default(1),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    reviewerName: text("reviewer_name"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("personnel_records_employer_idx").on(t.employerId, t.status),
    uniqueIndex("personnel_records_employer_person_uq").on(t.employerId, t.idNumber),
    // The authority's review queue: submitted records, oldest first.
    index("personnel_records_queue_idx").on(t.status, t.submittedAt),
  ],
);

/** R4: 聘用企业名称变更 — a bulk change of the registered company name. */
export const employerNameChanges = pgTable(
  "employer_name_changes",
  {
    id: id(),
    employerId: uuid("employer_id")
      .notNull()
      .references(() => employers.id),
    oldName: text("old_name").notNull(),
    newName: text("new_name").notNull(),
    status: text("status").$type<"submitted" | "approved" | "rejected">().notNull(),
    /** 名称变更证明 (营业执照 or 工商变更通知书 scan), checked by content like every upload. */
    proofFileId: uuid("proof_file_id").references(() => files.id),
    /** Optimistic concurrency for the authority's decision. */
    version: integer("version").notNull().default(1),
    opinion: text("opinion"),
    deciderName: text("decider_name"),
    createdAt: createdAt(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [
    // One change under review per employer at a time.
    uniqueIndex("employer_name_changes_one_open_uq").on(t.employerId).where(sql`status = 'submitted'`),
  ],
);

/**
 * G6/T3: an anomaly flagged on a person — 社保异常 by a reviewer, 人员查重异常 (one person registered with two
 * employers) by a reviewer or the automatic check. While one is open the filing wizard asks the 社保确认 step
 * (`people.social_insurance_anomaly` mirrors "has an open anomaly"); an accepted appeal clears it.
 */
export const personAnomalies = pgTable(
  "person_anomalies",
  {
    id: id(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    kind: text("kind").$type<"social_insurance" | "duplicate_registration">().notNull(),
    source: text("source").$type<"reviewer" | "automatic">().notNull(),
    reason: text("reason").notNull(),
    status: text("status").$type<"open" | "cleared">().notNull().default("open"),
    flaggedBy: uuid("flagged_by").references(() => userAccounts.id),
    createdAt: createdAt(),
    clearedAt: timestamp("cleared_at", { withTimezone: true }),
  },
  // One open flag per person and kind: a second flag (or the automatic check running again) adds nothing.
  (t) => [uniqueIndex("person_anomalies_open_uq").on(t.personId, t.kind).where(sql`status = 'open'`)],
);

/** T3: the timeline of one anomaly (flagged, appealed, decided), append-only, written with each change. */
export const personAnomalyEvents = pgTable(
  "person_anomaly_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    anomalyId: uuid("anomaly_id")
      .notNull()
      .references(() => personAnomalies.id),
    actorUserId: uuid("actor_user_id").references(() => userAccounts.id),
    actorName: text("actor_name").notNull(),
    action: text("action").$type<"flagged" | "appealed" | "accepted" | "dismissed">().notNull(),
    note: text("note"),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("person_anomaly_events_anomaly_idx").on(t.anomalyId, t.id)],
);

/** T3: 我的申辩 — contesting an anomaly such as 社保异常 or 人员查重异常. */
export const appeals = pgTable(
  "appeals",
  {
    id: id(),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
    anomalyId: uuid("anomaly_id").references(() => personAnomalies.id),
    anomaly: text("anomaly").notNull(),
    statement: text("statement").notNull(),
    proofFileId: uuid("proof_file_id").references(() => files.id),
    status: text("status").$type<"submitted" | "accepted" | "dismissed">().notNull().default("submitted"),
    reply: text("reply"),
    decidedBy: uuid("decided_by").references(() => userAccounts.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  // One undecided appeal per anomaly: a second submission while the first waits is refused.
  (t) => [uniqueIndex("appeals_one_pending_uq").on(t.anomalyId).where(sql`status = 'submitted'`)],
);

/** One-time codes (获取密码, 找回密码, 签名确认). Only a hash of the code is kept. */
export const oneTimeCodes = pgTable(
  "one_time_codes",
  {
    id: id(),
    purpose: text("purpose").$type<"activate" | "reset_password" | "sign">().notNull(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => userAccounts.id),
    codeHash: varchar("code_hash", { length: 64 }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    consumedAt: timestamp("consumed_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("one_time_codes_account_idx").on(t.accountId, t.purpose, t.createdAt.desc())],
);

/** Development SMS provider: messages land here instead of a network (README explains how to read them). */
export const smsOutbox = pgTable(
  "sms_outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    phone: varchar("phone", { length: 20 }).notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("sms_outbox_phone_idx").on(t.phone, t.id.desc())],
);

/**
 * Sign-in, account security and administration events, append-only (trigger) and chained by the same keyed HMAC as
 * application_events, as one stream ordered by `seq` (lib/services/audit/security-chain.ts). Rows written before the
 * chain existed have no seq/hash; they are covered by their stream's sealed epoch (auditChainEpochs).
 */
export const securityEvents = pgTable(
  "security_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    accountId: uuid("account_id").references(() => userAccounts.id),
    kind: text("kind").notNull(),
    ip: varchar("ip", { length: 64 }),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    /**
     * 1, 2, 3 … across the whole stream; unique, so two writers cannot both append link n. Null only on pre-chain rows.
     */
    seq: bigint("seq", { mode: "number" }),
    prevHash: varchar("prev_hash", { length: 64 }),
    hash: varchar("hash", { length: 64 }),
  },
  (t) => [
    index("security_events_account_idx").on(t.accountId, t.createdAt.desc()),
    uniqueIndex("security_events_seq_uq").on(t.seq),
  ],
);

/**
 * What each audit stream held before its keyed chain began (one row per stream, written by the migration that
 * introduced it, sealed with the audit key by the start that ran that migration): how many rows with id ≤
 * legacyMaxId there were and a digest of them. 审计校验 recomputes both, so pre-key rows are verified too — with the
 * old unkeyed hash, and reported as such — and converting keyed rows into "old" ones is caught by the seal.
 */
export const auditChainEpochs = pgTable("audit_chain_epochs", {
  stream: text("stream").primaryKey(),
  legacyMaxId: bigint("legacy_max_id", { mode: "number" }).notNull(),
  legacyCount: bigint("legacy_count", { mode: "number" }),
  legacyDigest: varchar("legacy_digest", { length: 64 }),
  /** HMAC with the audit key over the fields above; null until sealed. */
  seal: varchar("seal", { length: 64 }),
  createdAt: createdAt(),
});

/**
 * Counters with an expiry (epoch ms): sign-in back-off and locks, code requests, 证书查验 look-ups, used captchas.
 * The housekeeping job deletes every row whose expire has passed.
 */
export const rateLimits = pgTable("rate_limits", {
  key: varchar("key", { length: 255 }).primaryKey(),
  points: integer("points").notNull().default(0),
  expire: bigint("expire", { mode: "number" }),
});

/** Race-free serial numbers (R1 registration serials, R2 acceptance serials, seal numbers): one row per scope. */
export const serialCounters = pgTable("serial_counters", {
  scope: varchar("scope", { length: 64 }).primaryKey(),
  value: bigint("value", { mode: "number" }).notNull(),
});

/** Signing identities issued by the portal's own certificate authority (persons, employers, authorities). */
export const signingIdentities = pgTable(
  "signing_identities",
  {
    id: id(),
    ownerKind: text("owner_kind").$type<"person" | "employer" | "authority">().notNull(),
    ownerId: uuid("owner_id").notNull(),
    certificatePem: text("certificate_pem").notNull(),
    /** Private key encrypted with the portal's key-encryption key (kept outside the repository). */
    encryptedPrivateKey: text("encrypted_private_key").notNull(),
    serialNumber: varchar("serial_number", { length: 64 }).notNull().unique(),
    notAfter: timestamp("not_after", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("signing_identities_owner_uq").on(t.ownerKind, t.ownerId)],
);

/** Key/value facts about the installation itself (e.g. when demo data was seeded). */
export const systemMeta = pgTable("system_meta", {
  key: varchar("key", { length: 64 }).primaryKey(),
  value: text("value").notNull(),
  updatedAt: updatedAt(),
});

/**
 * Reminders the scheduled jobs sent (issue 11): one row per subject and reminder, inserted in the same transaction
 * as the message, so each reminder goes out once even when two nodes run the job or a run is retried.
 */
export const deadlineReminders = pgTable(
  "deadline_reminders",
  {
    subjectKind: text("subject_kind").$type<"registration_expiry" | "correction_due">().notNull(),
    subjectId: uuid("subject_id").notNull(),
    /** "6m", "3m", "30d" before expiry; "due-3d" before a 补正 deadline … */
    reminderKey: varchar("reminder_key", { length: 32 }).notNull(),
    /** false: the reminder's date passed while a nearer one was sent instead (never sent, never to be sent). */
    sent: boolean("sent").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.subjectKind, t.subjectId, t.reminderKey] })],
);

/**
 * 通知公告 on the public site, written by administrators. Withdrawn ones stay (with their attachments) so what was
 * once published can still be accounted for; the public only sees `published`. `version` guards concurrent edits.
 */
export const announcements = pgTable(
  "announcements",
  {
    id: id(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    status: text("status").$type<"published" | "withdrawn">().notNull().default("published"),
    version: integer("version").notNull().default(0),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: updatedAt(),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => userAccounts.id),
  },
  (t) => [index("announcements_public_idx").on(t.status, t.publishedAt.desc())],
);

export const announcementAttachments = pgTable(
  "announcement_attachments",
  {
    announcementId: uuid("announcement_id")
      .notNull()
      .references(() => announcements.id),
    fileId: uuid("file_id")
      .notNull()
      .references(() => files.id),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.announcementId, t.fileId] })],
);

/** 常见问题 on the public site, edited by administrators; `position` orders them within a category. */
export const faqEntries = pgTable(
  "faq_entries",
  {
    id: id(),
    category: text("category").notNull(),
    question: text("question").notNull(),
    answer: text("answer").notNull(),
    position: integer("position").notNull().default(0),
    version: integer("version").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("faq_entries_order_idx").on(t.category, t.position)],
);
