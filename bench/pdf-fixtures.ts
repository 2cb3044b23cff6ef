/** Sample documents for bench/pdf.ts and its worker threads: a different person (name) for every index. */
import sharp from "sharp";
import type { ApplicationFormData } from "@/lib/server/pdf/application-form";
import { certificateVerificationUrl, type CertificateData } from "@/lib/server/pdf/certificate";

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
const GIVEN = "堃喆犇燚昇珺玥伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华";

/** Index → a name, so that a bench over many indices renders many different character sets (font cache misses). */
function personName(i: number): string {
  const n = Math.abs(i);
  return (
    `${SURNAMES[n % SURNAMES.length]}${GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length]}` +
    `${GIVEN[(n * 7) % GIVEN.length]}`
  );
}

export interface BenchImages {
  readonly photo: Buffer;
  readonly signature: Buffer;
}

export async function benchImages(): Promise<BenchImages> {
  const photo = await sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="260" height="360"><rect width="260" height="360" ` +
        `fill="#4a8fd8"/><ellipse cx="130" cy="140" rx="62" ry="78" fill="#f1d3b8"/></svg>`,
    ),
  )
    .jpeg({ quality: 80 })
    .toBuffer();
  const signature = await sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="120"><path d="M14 84 C 40 10, 60 110, 90 50 S ` +
        `140 20, 160 80 S 220 100, 240 40" fill="none" stroke="#101060" stroke-width="6"/></svg>`,
    ),
  )
    .png()
    .toBuffer();
  return { photo, signature };
}

export function formData(i: number, images: BenchImages): ApplicationFormData {
  const name = personName(i);
  return {
    programName: "二级造价工程师",
    typeLabel: "初始注册",
    acceptanceNo: `W20261131${String(Math.abs(i)).padStart(5, "0")}`,
    generatedAt: new Date(),
    applicant: {
      name,
      gender: "男",
      birthDate: "1988-03-14",
      idType: "居民身份证",
      idNumber: "310101198803140035",
      phone: "13916886918",
      address: "上海市徐汇区漕溪北路 88 号",
      education: "大学本科",
      school: "同济大学",
      major: "工程管理",
      professionalTitle: "工程师",
    },
    photo: images.photo,
    signatureImage: images.signature,
    employer: { name: "上海建和工程咨询有限公司", creditCode: "91310104MA1FR0XX7Q", phone: "021-64871234" },
    registration: {
      specialty: "土木建筑工程",
      qualificationCertificateNo: "0231001234",
      approvalDate: "2021-12-01",
      qualificationPlace: "上海市",
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
      { period: "2015-07 至今", employer: "上海建和工程咨询有限公司", position: "造价工程师", witness: "李喆" },
    ],
    achievements: [
      {
        period: "2025",
        projectName: "闵行区某中学新建工程施工阶段造价控制",
        scale: "投资 3.2 亿元",
        role: "项目负责人",
      },
    ],
    attachments: [{ name: "身份证明", fileName: "身份证.pdf" }],
  };
}

export function certificateData(i: number, images: BenchImages): CertificateData {
  const no = `建[造]2263131${String(Math.abs(i)).padStart(7, "0")}`;
  return {
    holder: { name: personName(i), gender: "男", birthDate: "1988-03-14" },
    registrationNo: no,
    employerName: "上海建和工程咨询有限公司",
    specialties: "土木建筑工程",
    validUntil: "2030-12-14",
    authorityName: "上海市\n住房和城乡建设管理委员会",
    issuedAt: "2026-12-15",
    holderSignedAt: "2026-11-30",
    photo: images.photo,
    signatureImage: images.signature,
    certificateSerial: `C2026-${i}`,
    verificationUrl: certificateVerificationUrl("https://zhuce.example.gov.cn", no, `C2026-${i}`),
  };
}
