/**
 * PDF generation and signing timings: `npx tsx bench/pdf.ts [runs]` (default 100 runs each).
 * Prints p50/p95 in ms for the application form, applicant + employer signing, verification and the certificate,
 * then each document's latency while ten are generated at once in the same process (issue 12, item 5: targets
 * p95 ≤ 150 ms for the form and ≤ 200 ms for the certificate).
 */
import { randomBytes } from "node:crypto";
import sharp from "sharp";
import { renderApplicationForm, type ApplicationFormData } from "@/lib/server/pdf/application-form";
import { certificateVerificationUrl, renderCertificate } from "@/lib/server/pdf/certificate";
import { signPdf } from "@/lib/server/pdf/sign-pdf";
import { verifyPdfSignatures } from "@/lib/server/pdf/verify-pdf";
import { createRootCertificateAuthority, createSigningIdentity } from "@/lib/server/pki";

const RUNS = Number(process.argv[2] ?? 100);
const NAMES = ["王堃", "李喆", "陈玥", "张犇", "刘燚", "赵昇", "周珺"];

async function image(svg: string, kind: "jpeg" | "png"): Promise<Buffer> {
  const s = sharp(Buffer.from(svg));
  return kind === "jpeg" ? s.jpeg({ quality: 80 }).toBuffer() : s.png().toBuffer();
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(label: string, fn: (i: number) => Promise<unknown>): Promise<void> {
  await fn(-1); // warm-up (font file read, WASM init)
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(34)} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(7)} ms   (n=${RUNS})`);
}

/** Ten at a time, as ten users printing at once would: each document's own latency from start to finish. */
async function measureParallel(label: string, fn: (i: number) => Promise<unknown>, concurrency = 10): Promise<void> {
  await fn(-1);
  const times: number[] = [];
  const batches = Math.max(1, Math.ceil(RUNS / concurrency));
  for (let b = 0; b < batches; b++) {
    await Promise.all(
      Array.from({ length: concurrency }, async (_, k) => {
        const t = performance.now();
        await fn(b * concurrency + k);
        times.push(performance.now() - t);
      }),
    );
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(34)} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(7)} ms   (n=${times.length}, ${concurrency} at once)`);
}

const photo = await image(
  `<svg xmlns="http://www.w3.org/2000/svg" width="260" height="360"><rect width="260" height="360" fill="#4a8fd8"/><ellipse cx="130" cy="140" rx="62" ry="78" fill="#f1d3b8"/></svg>`,
  "jpeg",
);
const signature = await image(
  `<svg xmlns="http://www.w3.org/2000/svg" width="360" height="120"><path d="M14 84 C 40 10, 60 110, 90 50 S 140 20, 160 80 S 220 100, 240 40" fill="none" stroke="#101060" stroke-width="6"/></svg>`,
  "png",
);

function form(i: number): ApplicationFormData {
  const name = NAMES[Math.abs(i) % NAMES.length]!;
  return {
    programName: "二级造价工程师",
    typeLabel: "初始注册",
    acceptanceNo: `W20261131${String(Math.abs(i)).padStart(5, "0")}`,
    generatedAt: new Date(),
    applicant: { name, gender: "男", birthDate: "1988-03-14", idType: "居民身份证", idNumber: "310101198803140035", phone: "13916886918", address: "上海市徐汇区漕溪北路 88 号", education: "大学本科", school: "同济大学", major: "工程管理", professionalTitle: "工程师" },
    photo,
    signatureImage: signature,
    employer: { name: "上海建和工程咨询有限公司", creditCode: "91310104MA1FR0XX7Q", phone: "021-64871234" },
    registration: { specialty: "土木建筑工程", qualificationCertificateNo: "0231001234", approvalDate: "2021-12-01", qualificationPlace: "上海市" },
    continuingEducation: [{ specialty: "土木建筑工程", requiredHours: 30, electiveHours: 30, trainingDate: "2026-10-07", provider: "上海市建设工程咨询行业协会" }],
    workExperience: [{ period: "2015-07 至今", employer: "上海建和工程咨询有限公司", position: "造价工程师", witness: "李喆" }],
    achievements: [{ period: "2025", projectName: "闵行区某中学新建工程施工阶段造价控制", scale: "投资 3.2 亿元", role: "项目负责人" }],
    attachments: [{ name: "身份证明", fileName: "身份证.pdf" }],
  };
}

const ca = await createRootCertificateAuthority();
const kek = randomBytes(32);
const person = await createSigningIdentity(ca, kek, { kind: "person", id: "p", commonName: "王堃" });
const employer = await createSigningIdentity(ca, kek, { kind: "employer", id: "e", commonName: "上海建和工程咨询有限公司" });
const unsigned = await renderApplicationForm(form(0));
const applicantSigner = { ...person, caCertificatePem: ca.certificatePem };
const employerSigner = { ...employer, caCertificatePem: ca.certificatePem };
const signedOnce = await signPdf(unsigned, applicantSigner, { role: "applicant", name: "王堃", reason: "申请人确认", signedAt: new Date(), image: signature });
const signedTwice = await signPdf(signedOnce, employerSigner, { role: "employer", name: "上海建和工程咨询有限公司", reason: "聘用单位确认", signedAt: new Date() });

console.log(`PDF bench — Node ${process.version}, form ${(unsigned.length / 1024).toFixed(0)} KiB, signed twice ${(signedTwice.length / 1024).toFixed(0)} KiB`);
await measure("application form (render)", (i) => renderApplicationForm(form(i)));
await measure("sign: applicant (with image)", () =>
  signPdf(unsigned, applicantSigner, { role: "applicant", name: "王堃", reason: "申请人确认", signedAt: new Date(), image: signature }),
);
await measure("sign: employer (2nd signature)", () =>
  signPdf(signedOnce, employerSigner, { role: "employer", name: "上海建和工程咨询有限公司", reason: "聘用单位确认", signedAt: new Date() }),
);
await measure("verify (2 signatures)", async () => verifyPdfSignatures(signedTwice, ca.certificatePem));
const certificate = (i: number) =>
  renderCertificate({
    holder: { name: NAMES[Math.abs(i) % NAMES.length]!, gender: "男", birthDate: "1988-03-14" },
    registrationNo: `建[造]2263131${String(Math.abs(i)).padStart(7, "0")}`,
    employerName: "上海建和工程咨询有限公司",
    specialties: "土木建筑工程",
    validUntil: "2030-12-14",
    authorityName: "上海市\n住房和城乡建设管理委员会",
    issuedAt: "2026-12-15",
    holderSignedAt: "2026-11-30",
    photo,
    signatureImage: signature,
    certificateSerial: `C2026-${i}`,
    verificationUrl: certificateVerificationUrl("https://zhuce.example.gov.cn", `建[造]2263131${i}`, `C2026-${i}`),
  });
await measure("certificate (render, with QR)", certificate);
await measureParallel("application form, 10 in parallel", (i) => renderApplicationForm(form(i)));
await measureParallel("certificate, 10 in parallel", certificate);
console.log(`load average: ${(await import("node:os")).loadavg().map((x) => x.toFixed(1)).join(" ")}`);
