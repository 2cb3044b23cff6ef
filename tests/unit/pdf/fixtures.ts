import sharp from "sharp";
import type { ApplicationFormData } from "@/lib/server/pdf/application-form";

/** A fake ID photo (JPEG): light-blue background, a head-and-shoulders silhouette. */
export async function samplePhoto(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="260" height="360">
    <rect width="260" height="360" fill="#4a8fd8"/>
    <ellipse cx="130" cy="140" rx="62" ry="78" fill="#f1d3b8"/>
    <path d="M20 360 C 30 250, 230 250, 240 360 Z" fill="#24324a"/>
    <rect x="68" y="60" width="124" height="44" rx="22" fill="#1b1b1b"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}

/** A fake handwritten signature (PNG with transparency). */
export async function sampleSignature(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="120">
    <path d="M14 84 C 40 10, 60 110, 90 50 S 140 20, 160 80 S 220 100, 240 40 S 300 60, 340 70"
      fill="none" stroke="#101060" stroke-width="6" stroke-linecap="round"/>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

export const GENERATED_AT = new Date("2026-11-30T06:52:12Z"); // 14:52:12 Beijing time

export function sampleForm(overrides: Partial<ApplicationFormData> = {}): ApplicationFormData {
  return {
    programName: "二级造价工程师",
    typeLabel: "初始注册",
    acceptanceNo: "W2026113100001",
    generatedAt: GENERATED_AT,
    applicant: {
      name: "王堃",
      gender: "男",
      birthDate: "1988-03-14",
      idType: "居民身份证",
      idNumber: "310101198803140035",
      phone: "13916886918",
      address: "上海市徐汇区漕溪北路 88 号 12 楼 1203 室",
      education: "大学本科",
      school: "同济大学",
      major: "工程管理",
      professionalTitle: "工程师",
    },
    employer: { name: "上海建和工程咨询有限公司", creditCode: "91310104MA1FR0XX7Q", phone: "021-64871234" },
    registration: {
      specialty: "土木建筑工程",
      qualificationCertificateNo: "0231001234",
      approvalDate: "2021-12-01",
      qualificationPlace: "上海市",
      extra: [{ label: "获取执业资格方式", value: "考试" }],
    },
    continuingEducation: [
      {
        specialty: "土木建筑工程",
        requiredHours: 30,
        electiveHours: 30,
        trainingDate: "2026-10-07",
        provider: "上海市建设工程咨询行业协会",
      },
    ],
    workExperience: [
      {
        period: "2010-07 至 2015-06",
        employer: "上海城建设计研究总院（集团）有限公司",
        position: "造价员",
        witness: "李喆",
      },
      { period: "2015-07 至今", employer: "上海建和工程咨询有限公司", position: "造价工程师", witness: "陈玥" },
    ],
    achievements: [
      {
        period: "2024",
        projectName: "徐汇滨江 B 地块商办项目全过程造价咨询",
        scale: "建筑面积 12.6 万㎡",
        role: "专业负责人",
      },
      {
        period: "2025",
        projectName: "闵行区某中学新建工程施工阶段造价控制",
        scale: "投资 3.2 亿元",
        role: "项目负责人",
      },
      { period: "2026", projectName: "浦东新区某安置房工程结算审核", scale: "投资 5.8 亿元", role: "审核人" },
    ],
    attachments: [
      { name: "身份证明", fileName: "身份证正反面.pdf" },
      { name: "资格证书", fileName: "二级造价工程师职业资格证书.pdf" },
      { name: "劳动合同", fileName: "劳动合同-王堃.pdf" },
      { name: "社会保险缴纳证明", fileName: "社保缴纳证明_202611.pdf" },
    ],
    ...overrides,
  };
}

/** Many rows, to force tables across pages. */
export function longForm(): ApplicationFormData {
  const base = sampleForm();
  const names = ["王堃", "李喆", "陈玥", "张犇", "刘燚", "赵昇", "周珺"];
  return {
    ...base,
    applicant: { ...base.applicant, name: "陈玥" },
    workExperience: Array.from({ length: 40 }, (_, i) => ({
      period: `${1990 + i}-01 至 ${1990 + i}-12`,
      employer: `上海第${i + 1}建筑工程咨询有限公司（第 ${i + 1} 分公司，地址较长以测试自动换行的效果）`,
      position: i % 2 ? "造价员" : "造价工程师",
      witness: names[i % names.length]!,
    })),
  };
}
