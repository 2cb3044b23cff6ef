/**
 * Demo data — people, employers, accounts, applications — seeded on the first start of an empty database unless
 * SEED_DEMO_DATA=0, and used by the integration and browser tests. Reference data lives in db/reference/.
 * Every account listed in README's table comes from here. Identity numbers carry valid check digits.
 */
import { eq } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import * as s from "@/db/schema";
import { PROGRAMS, allPrograms } from "@/lib/domain/programs";
import { BUILT_IN_AUTHORITIES } from "@/db/reference/authorities";
import { syncReferenceData, type ReferenceData } from "@/db/reference/sync";
import { addDays, addYears, yearOf } from "@/lib/domain/dates";
import { chinaDate } from "@/lib/server/clock";
import { hashPassword } from "@/lib/server/password";
import { storeBytes } from "@/lib/server/storage";
import { demoPhoto, demoSignature } from "./portraits";

const DEMO_PASSWORD = "Demo2026!";

export type DemoAccount = { role: string; name: string; idLabel: string; login: string; password: string };

/** Public-site content an administrator would have written (通知公告, 常见问题), so the home page is not empty. */
const ANNOUNCEMENTS = [
  {
    title: "关于执业注册平台正式上线运行的通知",
    body:
      "各注册人员、聘用单位：\n\n执业注册平台已正式上线，注册造价工程师（一级、二级）、一级注册建筑师、勘察设计注册工程师的初始、延续、变更、增项、注销等注册业务均可在线办理。\n\n办理前请先阅读“办事指南”，" +
      "个人用户首次登录请使用“获取密码”功能设置登录密码。",
  },
  {
    title: "关于做好2026年度注册人员继续教育学时登记工作的通知",
    body: "申请延续注册的注册人员，须在注册有效期内完成规定的继续教育学时。学时记录请在“继续教育”中核对，缺少的记录请及时补录。",
  },
];
const FAQ = [
  {
    category: "账号与登录",
    question: "个人用户第一次如何登录？",
    answer: "在“个人登录”页面点击“获取密码”，输入证件信息和登记的手机号，收到短信验证码后设置登录密码。",
  },
  {
    category: "账号与登录",
    question: "忘记登录密码怎么办？",
    answer: "在登录页面点击“找回密码”，通过登记手机号接收验证码后重新设置密码。",
  },
  {
    category: "填报与签名",
    question: "为什么看不到“个人数字签名”按钮？",
    answer: "申请表保存时系统会校验填写内容，校验全部通过后才显示“个人数字签名”按钮。请按页面提示修改后重新保存。",
  },
  {
    category: "填报与签名",
    question: "签名后还能修改申请表吗？",
    answer:
      "单位签名确认前可以修改，修改保存后须重新进行个人数字签名，之前已签署的文件作废；申请进入审批流程后不能修改。",
  },
  {
    category: "进度与领证",
    question: "审批通过后如何领取证书？",
    answer: "申请办结后，在“我的证书”中点击“领证”，即可下载电子注册证书。",
  },
];

const EMPLOYERS: (typeof s.employers.$inferInsert)[] = [
  {
    name: "上海建科造价咨询有限公司",
    uscc: "91310000MA1FL0001R",
    kind: "cost_consulting",
    qualificationCertNo: "甲310001",
    provinceCode: "31",
    contactPhone: "021-63210001",
    address: "上海市黄浦区中山南路100号",
  },
  {
    name: "浙江华诚工程管理有限公司",
    uscc: "91330100MA2CD0002J",
    kind: "cost_consulting",
    qualificationCertNo: "甲330002",
    provinceCode: "33",
    contactPhone: "0571-87650002",
    address: "杭州市西湖区文三路200号",
  },
  {
    name: "北京中勘设计研究院有限公司",
    uscc: "91110000MA00B00030",
    kind: "survey_design",
    qualificationCertNo: "A111000301",
    provinceCode: "11",
    contactPhone: "010-68880003",
    address: "北京市海淀区车公庄西路19号",
  },
  {
    name: "利比测量师事务所（香港）有限公司",
    uscc: "91810000HK00000042",
    kind: "cost_consulting",
    qualificationCertNo: "HK-QS-0004",
    provinceCode: "81",
    contactPhone: "852-28230004",
    address: "香港鲗鱼涌英皇道979号",
  },
];

type PersonSeed = {
  person: Omit<typeof s.people.$inferInsert, "employerId">;
  employerUscc: string;
  activated: boolean;
  program: string;
  qualifications: {
    specialty: string;
    managementNo: string;
    approvalDate: string;
    province?: string;
    obtainedBy?: string;
  }[];
};

const PEOPLE: PersonSeed[] = [
  {
    person: {
      name: "王堃",
      gender: "male",
      birthDate: "1988-03-15",
      idType: "resident_id",
      idNumber: "310101198803150012",
      phone: "13800000001",
      address: "上海市徐汇区漕溪北路88号",
      education: "本科",
      degree: "学士",
      school: "同济大学",
      major: "工程管理",
      graduationDate: "2010-07-01",
      title: "工程师",
      yearsOfExperience: 14,
      provinceCode: "31",
      employmentStart: "2015-03-01",
    },
    employerUscc: "91310000MA1FL0001R",
    activated: true,
    program: "cost1",
    qualifications: [{ specialty: "1", managementNo: "2025310100001", approvalDate: "2025-12-20", province: "31" }],
  },
  {
    person: {
      name: "陈玥",
      gender: "female",
      birthDate: "1986-06-12",
      idType: "hk_surveyor_mutual",
      idNumber: "HKQS-2019-0123",
      phone: "13800000002",
      address: "香港中环德辅道中68号",
      education: "硕士研究生",
      degree: "硕士",
      school: "香港理工大学",
      major: "工料测量",
      graduationDate: "2010-06-30",
      title: "测量师",
      yearsOfExperience: 15,
      provinceCode: "81",
      employmentStart: "2012-09-01",
    },
    employerUscc: "91810000HK00000042",
    activated: true,
    program: "cost1",
    qualifications: [
      { specialty: "1", managementNo: "HK2019000123", approvalDate: "2019-11-30", province: "81", obtainedBy: "互认" },
    ],
  },
  {
    person: {
      name: "李喆",
      gender: "male",
      birthDate: "1985-09-10",
      idType: "resident_id",
      idNumber: "310115198509100039",
      phone: "13800000003",
      address: "上海市浦东新区世纪大道1号",
      education: "本科",
      degree: "学士",
      school: "上海理工大学",
      major: "建筑环境与设备工程",
      graduationDate: "2007-07-01",
      title: "工程师",
      yearsOfExperience: 16,
      provinceCode: "31",
      employmentStart: "2018-05-01",
    },
    employerUscc: "91310000MA1FL0001R",
    activated: true,
    program: "cost2-sh",
    qualifications: [{ specialty: "4", managementNo: "2025310200003", approvalDate: "2025-09-30", province: "31" }],
  },
  {
    person: {
      name: "马丽",
      gender: "female",
      birthDate: "1993-02-14",
      idType: "resident_id",
      idNumber: "440305199302140027",
      phone: "13800000009",
      address: "上海市静安区南京西路500号",
      education: "本科",
      degree: "学士",
      school: "华南理工大学",
      major: "工程造价",
      graduationDate: "2015-07-01",
      title: "助理工程师",
      yearsOfExperience: 9,
      provinceCode: "31",
      employmentStart: "2020-01-01",
    },
    employerUscc: "91310000MA1FL0001R",
    activated: true,
    program: "cost2-sh",
    qualifications: [{ specialty: "1", managementNo: "2025310200009", approvalDate: "2025-09-30", province: "31" }],
  },
  {
    person: {
      name: "吴珺",
      gender: "female",
      birthDate: "1990-07-22",
      idType: "resident_id",
      idNumber: "330106199007220024",
      phone: "13800000004",
      address: "杭州市拱墅区环城北路300号",
      education: "本科",
      degree: "学士",
      school: "浙江大学",
      major: "土木工程",
      graduationDate: "2012-07-01",
      title: "工程师",
      yearsOfExperience: 12,
      provinceCode: "33",
      employmentStart: "2016-08-01",
    },
    employerUscc: "91330100MA2CD0002J",
    activated: true,
    program: "cost2-zj",
    qualifications: [{ specialty: "1", managementNo: "2025330200004", approvalDate: "2025-10-15", province: "33" }],
  },
  {
    person: {
      name: "郑犇",
      gender: "male",
      birthDate: "1967-11-08",
      idType: "resident_id",
      idNumber: "330102196711080011",
      phone: "13800000008",
      address: "杭州市上城区解放路18号",
      education: "大专",
      school: "浙江建设职业技术学院",
      major: "工程造价",
      graduationDate: "1988-07-01",
      title: "高级工程师",
      yearsOfExperience: 35,
      provinceCode: "33",
      employmentStart: "2005-01-01",
    },
    employerUscc: "91330100MA2CD0002J",
    activated: true,
    program: "cost2-zj",
    qualifications: [{ specialty: "1", managementNo: "2019330200008", approvalDate: "2019-12-31", province: "33" }],
  },
  {
    person: {
      name: "赵燚",
      gender: "female",
      birthDate: "1979-04-05",
      idType: "resident_id",
      idNumber: "110108197904050048",
      phone: "13800000005",
      address: "北京市海淀区学院路30号",
      education: "硕士研究生",
      degree: "硕士",
      school: "清华大学",
      major: "建筑学",
      graduationDate: "2004-07-01",
      title: "高级工程师",
      yearsOfExperience: 20,
      provinceCode: "11",
      employmentStart: "2010-03-01",
    },
    employerUscc: "91110000MA00B00030",
    activated: true,
    program: "architect1",
    qualifications: [
      { specialty: "architecture", managementNo: "JZ2025110005", approvalDate: "2025-11-01", province: "11" },
    ],
  },
  {
    person: {
      name: "钱静",
      gender: "female",
      birthDate: "1986-06-12",
      idType: "resident_id",
      idNumber: "110105198606120023",
      phone: "13800000006",
      address: "北京市朝阳区北四环中路6号",
      education: "本科",
      degree: "学士",
      school: "北京交通大学",
      major: "土木工程",
      graduationDate: "2008-07-01",
      title: "高级工程师",
      yearsOfExperience: 16,
      provinceCode: "11",
      employmentStart: "2012-07-01",
    },
    employerUscc: "91110000MA00B00030",
    activated: true,
    program: "survey-design",
    qualifications: [
      { specialty: "structural1", managementNo: "JG2025110006", approvalDate: "2025-10-20", province: "11" },
    ],
  },
  {
    person: {
      name: "周昇",
      gender: "male",
      birthDate: "1992-01-01",
      idType: "resident_id",
      idNumber: "310104199201010059",
      phone: "13800000007",
      address: "上海市徐汇区衡山路10号",
      education: "本科",
      degree: "学士",
      school: "上海大学",
      major: "工程管理",
      graduationDate: "2014-07-01",
      title: "助理工程师",
      yearsOfExperience: 10,
      provinceCode: "31",
      employmentStart: "2019-04-01",
    },
    employerUscc: "91310000MA1FL0001R",
    activated: false,
    program: "cost2-sh",
    qualifications: [{ specialty: "1", managementNo: "2025310200007", approvalDate: "2025-09-30", province: "31" }],
  },
];

const STAFF: { username: string; name: string; role: "reviewer" | "admin"; authority?: string }[] = [
  { username: "sh_reviewer", name: "上海审核员 张敏", role: "reviewer", authority: "sh" },
  { username: "sh_reviewer2", name: "上海审核员 黄磊", role: "reviewer", authority: "sh" },
  { username: "zj_reviewer", name: "浙江审核员 徐颖", role: "reviewer", authority: "zj" },
  { username: "hk_reviewer", name: "香港地区审核员 梁家辉", role: "reviewer", authority: "hk" },
  { username: "ceca_reviewer", name: "中价协审核员 孙浩", role: "reviewer", authority: "ceca" },
  { username: "mohurd_reviewer", name: "住建部审批员 高峰", role: "reviewer", authority: "mohurd" },
  { username: "admin", name: "系统管理员", role: "admin" },
];

export function applicantLoginName(idType: string, idNumber: string): string {
  return `${idType}:${idNumber.trim().toUpperCase()}`;
}

/** Accounts as README lists them (角色 / 账号 / 密码). */
export function demoAccounts(): DemoAccount[] {
  const rows: DemoAccount[] = [];
  for (const p of PEOPLE) {
    const program = PROGRAMS[p.program as keyof typeof PROGRAMS];
    rows.push({
      role: `个人（${program?.name ?? p.program}）`,
      name: p.person.name,
      idLabel: p.person.idType === "hk_surveyor_mutual" ? "香港测量师互认证号" : "居民身份证",
      login: p.person.idNumber,
      password: p.activated ? DEMO_PASSWORD : "（未获取密码：用“获取密码”设置）",
    });
  }
  for (const e of EMPLOYERS)
    rows.push({ role: "聘用单位", name: e.name, idLabel: "统一社会信用代码", login: e.uscc, password: DEMO_PASSWORD });
  for (const u of STAFF)
    rows.push({
      role: u.role === "admin" ? "管理员" : "审批人员",
      name: u.name,
      idLabel: "用户名",
      login: u.username,
      password: DEMO_PASSWORD,
    });
  return rows;
}

async function isSeeded(db: Database): Promise<boolean> {
  const rows = await db.select().from(s.systemMeta).where(eq(s.systemMeta.key, "demo_seeded_at"));
  return rows.length > 0;
}

/**
 * Seeds the demo people, employers, accounts and records once; a second call does nothing. Returns whether it seeded.
 * Reference data (programs, authorities) is not demo data: it is applied first, exactly as every start applies it.
 */
export async function seedDemoData(
  db: Database,
  reference: ReferenceData = { programs: allPrograms(), authorities: BUILT_IN_AUTHORITIES },
): Promise<boolean> {
  await syncReferenceData(db, reference);
  if (await isSeeded(db)) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  // Drawn and stored before the transaction: image work and disk writes should not hold it open.
  const portraits = await Promise.all(PEOPLE.map((p, i) => storedPortrait(p, i)));

  await db.transaction(async (tx) => {
    const authorityIds = new Map<string, string>();
    for (const a of await tx.select({ id: s.authorities.id, code: s.authorities.code }).from(s.authorities))
      authorityIds.set(a.code, a.id);

    const employerIds = new Map<string, string>();
    for (const e of EMPLOYERS) {
      const [inserted] = await tx.insert(s.employers).values(e).returning({ id: s.employers.id });
      employerIds.set(e.uscc, inserted!.id);
      await tx.insert(s.userAccounts).values({
        role: "employer",
        loginName: e.uscc,
        passwordHash,
        displayName: e.name,
        employerId: inserted!.id,
        phone: e.contactPhone.replace(/\D/g, "").slice(-11),
      });
    }

    for (const p of PEOPLE) {
      const [person] = await tx
        .insert(s.people)
        .values({ ...p.person, employerId: employerIds.get(p.employerUscc) })
        .returning({ id: s.people.id });
      const personId = person!.id;
      const [account] = await tx
        .insert(s.userAccounts)
        .values({
          role: "applicant",
          loginName: applicantLoginName(p.person.idType, p.person.idNumber),
          passwordHash: p.activated ? passwordHash : null,
          displayName: p.person.name,
          personId,
        })
        .returning({ id: s.userAccounts.id });
      // G4: photo and signature on file, as if the person had uploaded them in 基本信息修改.
      const ids: Record<"photo" | "signature", string> = { photo: "", signature: "" };
      for (const [kind, file] of Object.entries(portraits[PEOPLE.indexOf(p)]!) as [
        "photo" | "signature",
        StoredPortrait,
      ][]) {
        const [row] = await tx
          .insert(s.files)
          .values({
            kind,
            ownerPersonId: personId,
            originalName: file.name,
            mimeType: "image/jpeg",
            byteSize: file.byteSize,
            sha256: file.sha256,
            storageKey: file.storageKey,
            state: "kept",
            uploadedBy: account!.id,
          })
          .returning({ id: s.files.id });
        ids[kind] = row!.id;
      }
      await tx
        .update(s.people)
        .set({ photoFileId: ids.photo, signatureFileId: ids.signature })
        .where(eq(s.people.id, personId));
      for (const q of p.qualifications) {
        await tx.insert(s.qualifications).values({
          personId,
          programCode: p.program,
          specialtyCode: q.specialty,
          managementNo: q.managementNo,
          certificateNo: `ZG${q.managementNo}`,
          approvalDate: q.approvalDate,
          issueDate: q.approvalDate,
          obtainedProvinceCode: q.province ?? null,
          obtainedBy: q.obtainedBy ?? "考试",
        });
      }
    }

    for (const u of STAFF) {
      await tx.insert(s.userAccounts).values({
        role: u.role,
        loginName: u.username,
        passwordHash,
        displayName: u.name,
        authorityId: u.authority ? authorityIds.get(u.authority) : null,
        phone: "13900000000",
      });
    }

    await seedHistories(tx, employerIds, authorityIds);
    const admin = await tx
      .select({ id: s.userAccounts.id })
      .from(s.userAccounts)
      .where(eq(s.userAccounts.role, "admin"));
    for (const [i, a] of ANNOUNCEMENTS.entries()) {
      await tx
        .insert(s.announcements)
        .values({ ...a, createdBy: admin[0]?.id ?? null, publishedAt: new Date(Date.now() - (i + 1) * 86_400_000) });
    }
    await tx.insert(s.faqEntries).values(FAQ.map((f, position) => ({ ...f, position })));
    await tx.insert(s.systemMeta).values({ key: "demo_seeded_at", value: new Date().toISOString() });
  });
  return true;
}

type StoredPortrait = { name: string; byteSize: number; sha256: string; storageKey: string };

async function storedPortrait(p: PersonSeed, index: number): Promise<Record<"photo" | "signature", StoredPortrait>> {
  const store = async (bytes: Buffer, name: string) => ({ name, byteSize: bytes.length, ...(await storeBytes(bytes)) });
  return {
    photo: await store(await demoPhoto(index, p.person.gender === "female"), "一寸照片.jpg"),
    signature: await store(await demoSignature(p.person.name), "手写签名.jpg"),
  };
}

/**
 * 郑犇's four-year registration, ending 19 days after `firstStart` (a first start on 2026-11-30 gives 2022-12-20 –
 * 2026-12-19).
 */
export function zhengRegistrationPeriod(firstStart: string): { validFrom: string; validTo: string } {
  const validTo = addDays(firstStart, 19);
  return { validFrom: addDays(addYears(validTo, -4), 1), validTo };
}

/** Records that make the demo realistic: a registration due for extension, CE hours, experience, achievements. */
async function seedHistories(tx: Executor, employerIds: Map<string, string>, authorityIds: Map<string, string>) {
  const person = async (idNumber: string) =>
    (await tx.select({ id: s.people.id }).from(s.people).where(eq(s.people.idNumber, idNumber)))[0]!.id;

  // 郑犇 holds a 浙江 二级造价工程师 registration that expires 19 days after the first start: inside 浙江's 30-day
  // extension window (X1) whenever the demo is started, with the CE hours of the whole period (X3) — "可延续".
  const zheng = await person("330102196711080011");
  const { validFrom, validTo } = zhengRegistrationPeriod(chinaDate(new Date()));
  await tx.insert(s.registrations).values({
    personId: zheng,
    programCode: "cost2-zj",
    specialtyCode: "1",
    registrationNo: "建[造]21223301000001",
    sealNo: "建[造]21223301000001-01",
    sealSequence: 1,
    employerProvinceCode: "33",
    employerId: employerIds.get("91330100MA2CD0002J"),
    employerName: "浙江华诚工程管理有限公司",
    issuingAuthorityId: authorityIds.get("zj")!,
    validFrom,
    validTo,
    status: "active",
    issuedAt: new Date(`${validFrom}T10:00:00+08:00`),
    certificateState: "unclaimed",
  });
  await tx.insert(s.serialCounters).values({ scope: "registration:建[造]21223301", value: 1 }).onConflictDoNothing();
  // 15 + 15 hours in each of the period's four years, all before the first start.
  for (const k of [0, 1, 2, 3]) {
    const required = addDays(validFrom, 150 + 365 * k);
    const elective = addDays(validFrom, 265 + 365 * k);
    await tx.insert(s.continuingEducation).values([
      {
        personId: zheng,
        programCode: "cost2-zj",
        specialtyCode: "1",
        year: yearOf(required),
        category: "required",
        hours: 15,
        courseName: `${yearOf(required)}年度二级造价工程师继续教育（必修）`,
        trainingDate: required,
        provider: "浙江省建设工程造价管理协会",
        source: "ceca",
      },
      {
        personId: zheng,
        programCode: "cost2-zj",
        specialtyCode: "1",
        year: yearOf(elective),
        category: "elective",
        hours: 15,
        courseName: `${yearOf(elective)}年度二级造价工程师继续教育（选修）`,
        trainingDate: elective,
        provider: "浙江省建设工程造价管理协会",
        source: "ceca",
      },
    ]);
  }

  // 陈玥 qualified in 2019 and never registered: an overdue initial registration (I2). Her CECA-linked hours of the
  // last months make her eligible, and the form then asks for the overdue CE rows — the demo shows that path.
  const chen = await person("HKQS-2019-0123");
  const recent = addDays(chinaDate(new Date()), -60);
  await tx.insert(s.continuingEducation).values([
    {
      personId: chen,
      programCode: "cost1",
      specialtyCode: "1",
      year: Number(recent.slice(0, 4)),
      category: "required",
      hours: 15,
      courseName: "一级造价工程师继续教育（必修）",
      trainingDate: recent,
      provider: "中国建设工程造价管理协会",
      source: "ceca",
    },
    {
      personId: chen,
      programCode: "cost1",
      specialtyCode: "1",
      year: Number(recent.slice(0, 4)),
      category: "elective",
      hours: 15,
      courseName: "一级造价工程师继续教育（选修）",
      trainingDate: recent,
      provider: "中国建设工程造价管理协会",
      source: "ceca",
    },
  ]);

  for (const idNumber of ["310101198803150012", "310115198509100039", "330106199007220024", "440305199302140027"]) {
    const pid = await person(idNumber);
    await tx.insert(s.workExperiences).values([
      {
        personId: pid,
        startDate: "2012-07-01",
        endDate: "2018-04-30",
        organization: "上海城建工程咨询有限公司",
        position: "造价员",
        duties: "施工图预算编制、工程量清单编制",
      },
      {
        personId: pid,
        startDate: "2018-05-01",
        endDate: null,
        organization: "现聘用单位",
        position: "造价工程师",
        duties: "全过程造价咨询、竣工结算审核",
      },
    ]);
    await tx.insert(s.achievements).values([
      {
        personId: pid,
        year: 2023,
        projectName: "临港新片区公共租赁住房项目",
        role: "造价负责人",
        description: "全过程造价控制，合同额 3.2 亿元",
        completedOn: "2023-11-30",
      },
      {
        personId: pid,
        year: 2024,
        projectName: "地铁18号线车站机电安装工程",
        role: "结算审核",
        description: "竣工结算审核，审减 6.5%",
        completedOn: "2024-10-15",
      },
      {
        personId: pid,
        year: 2025,
        projectName: "市第六人民医院门急诊综合楼",
        role: "造价负责人",
        description: "施工图预算与招标控制价编制",
        completedOn: "2025-09-01",
      },
    ]);
  }
}
