/**
 * 注册申请表 PDF (e.g. 二级造价工程师初始注册申请表): A4, 受理编号 and generation time in the header, applicant
 * data, photo, employer, registration data, optional tables (overdue 继续教育, 工作经历, 工作业绩), attachments, the
 * applicant's declaration and two signature boxes whose empty signature fields ("applicant", "employer") the
 * signing step fills with visible digital signatures (F2, G9, M2).
 */
import { PDFDocument } from "pdf-lib";
import { collectStrings, embedDocumentFonts } from "./fonts";
import { savePdf, withNativeDeflate } from "./deflate";
import { compactTimestamp, formatDateTime } from "./format";
import { embedImage, fit } from "./images";
import { A4, COLORS, FlowWriter, textWidth, wrapText, type Cell } from "./layout";
import { addSignatureField, SIGNATURE_FIELD_NAMES } from "./signature-fields";

export interface LabeledValue {
  readonly label: string;
  readonly value: string;
}

export interface ApplicationFormData {
  /** 项目, e.g. 二级造价工程师. */
  readonly programName: string;
  /** 类型, e.g. 初始注册. */
  readonly typeLabel: string;
  /** Defaults to `${programName}${typeLabel}申请表`. */
  readonly title?: string;
  /** 网上受理编号 (R2), e.g. W2026113100001. */
  readonly acceptanceNo: string;
  readonly generatedAt: Date;
  readonly applicant: {
    readonly name: string;
    readonly gender: string;
    /** YYYY-MM-DD */
    readonly birthDate: string;
    readonly idType: string;
    readonly idNumber: string;
    readonly phone: string;
    readonly address?: string;
    readonly education?: string;
    readonly school?: string;
    readonly major?: string;
    /** 职称 */
    readonly professionalTitle?: string;
  };
  /** ID photo, JPEG or PNG bytes (others are converted with sharp). */
  readonly photo?: Uint8Array;
  /** 注册证书个人签名 image (JPEG/PNG), shown in the 申请人签名 box. */
  readonly signatureImage?: Uint8Array;
  readonly employer: {
    readonly name: string;
    /** 统一社会信用代码 */
    readonly creditCode: string;
    readonly phone: string;
  };
  readonly registration: {
    /** 注册类型; defaults to `typeLabel`. */
    readonly typeLabel?: string;
    /** 注册专业 */
    readonly specialty: string;
    /** 资格证书管理号 */
    readonly qualificationCertificateNo?: string;
    /** 资格证书批准日期 (YYYY-MM-DD) */
    readonly approvalDate?: string;
    /** 资格取得所在地 */
    readonly qualificationPlace?: string;
    /** Type-specific rows (e.g. 注销原因, 变更内容, 获取执业资格方式). */
    readonly extra?: readonly LabeledValue[];
  };
  /** Overdue 继续教育 rows (I2); omitted or empty → no section. */
  readonly continuingEducation?: readonly {
    readonly specialty: string;
    readonly requiredHours: number | string;
    readonly electiveHours: number | string;
    readonly trainingDate: string;
    readonly provider: string;
  }[];
  readonly workExperience?: readonly {
    /** e.g. 2019-07 至 2023-06 */
    readonly period: string;
    readonly employer: string;
    readonly position: string;
    readonly witness?: string;
  }[];
  readonly achievements?: readonly {
    readonly period: string;
    readonly projectName: string;
    readonly scale?: string;
    readonly role: string;
  }[];
  readonly attachments?: readonly { readonly name: string; readonly fileName?: string }[];
  /** 申请人员意见/承诺; defaults to the standard declaration. */
  readonly applicantStatement?: string;
  /** 聘用单位意见 text printed in the employer box; defaults to the standard text. */
  readonly employerStatement?: string;
}

const L = {
  suffix: "申请表",
  cont: "（续）",
  acceptanceNo: "受理编号：",
  generatedAt: "生成时间：",
  platform: "执业注册平台",
  personal: "一、个人信息",
  name: "姓名",
  gender: "性别",
  birthDate: "出生日期",
  idType: "证件类型",
  idNumber: "证件号码",
  phone: "手机号",
  address: "通讯地址",
  education: "学历",
  school: "毕业院校",
  major: "所学专业",
  professionalTitle: "职称",
  photo: "照片",
  employer: "二、聘用单位",
  employerName: "单位名称",
  creditCode: "统一社会信用代码",
  employerPhone: "联系电话",
  registration: "三、注册信息",
  regType: "注册类型",
  specialty: "注册专业",
  qualificationNo: "资格证书管理号",
  approvalDate: "批准日期",
  qualificationPlace: "资格取得所在地",
  ce: "继续教育（逾期注册）",
  ceCols: "专业类别必修学时选修学时培训日期培训机构",
  work: "工作经历",
  workCols: "起止时间工作单位职务/岗位证明人",
  achievements: "工作业绩",
  achCols: "时间项目名称项目规模/类别本人担任角色",
  attachments: "附件材料",
  attCols: "序号材料名称文件",
  statement: "申请人员意见",
  agreed: "申请人已勾选同意上述承诺。",
  signatures: "签名",
  applicantSign: "申请人签名",
  employerOpinion: "聘用单位意见",
  handwritten: "个人签名：",
  digitalSign: "数字签名：",
  none: "无",
  empty: "—",
  numbering: "四五六七八九十、",
} as const;

function defaultApplicantStatement(programName: string, employerName: string): string {
  return (
    `本人已按照相关法律法规规定，符合注册条件，并依法取得了${programName}执业资格，与${employerName}签订真实有效的劳动合同。` +
    `本人未将执业资格注册在其他单位，承诺已按规定完成继续教育，同意将证书注册至该单位。` +
    `本人已核对上述内容，对申报内容及申报材料的真实性负责。如有虚假，愿承担由此产生的一切法律责任。`
  );
}

const DEFAULT_EMPLOYER_STATEMENT =
  "已阅读相关法律法规规定，与申请人签订真实有效的劳动聘用合同，并确认其申报材料真实，同意申报。";

/** F2: `{项目}{类型}申请表_yyyyMMddHHmmss.pdf` (time in Beijing time). */
export function applicationFormFileName(programName: string, typeLabel: string, at: Date): string {
  return `${programName}${typeLabel}申请表_${compactTimestamp(at)}.pdf`;
}

const dash = (v: string | undefined | null) => (v?.trim() ? v : L.empty);

export async function renderApplicationForm(data: ApplicationFormData): Promise<Uint8Array> {
  const title = data.title ?? `${data.programName}${data.typeLabel}${L.suffix}`;
  const applicantStatement = data.applicantStatement ?? defaultApplicantStatement(data.programName, data.employer.name);
  const employerStatement = data.employerStatement ?? DEFAULT_EMPLOYER_STATEMENT;
  const generated = formatDateTime(data.generatedAt);

  const pdf = withNativeDeflate(await PDFDocument.create());
  pdf.setTitle(title);
  pdf.setSubject(`${L.acceptanceNo}${data.acceptanceNo}`);
  pdf.setKeywords([`acceptance-no:${data.acceptanceNo}`]);
  pdf.setAuthor(L.platform);
  pdf.setCreator(L.platform);
  pdf.setProducer(L.platform);
  pdf.setCreationDate(data.generatedAt);
  pdf.setModificationDate(data.generatedAt);

  const staticText = Object.values(L).join("");
  const dataText = collectStrings({ ...data, photo: undefined, signatureImage: undefined }).join("");
  const fonts = await embedDocumentFonts(
    pdf,
    staticText + dataText + title + applicantStatement + employerStatement + generated,
    staticText + title,
  );

  const w = new FlowWriter(pdf, fonts, {
    onContinuationPage: (page) => {
      const y = A4.height - 34;
      w.text(`${title}${L.cont}`, w.left, y, { size: 9, bold: true, color: COLORS.muted, page });
      const right = `${L.acceptanceNo}${data.acceptanceNo}`;
      w.text(right, w.right - textWidth(fonts.regular, right, 9), y, { size: 9, color: COLORS.muted, page });
      page.drawLine({
        start: { x: w.left, y: y - 6 },
        end: { x: w.right, y: y - 6 },
        thickness: 0.5,
        color: COLORS.line,
      });
      return y - 16;
    },
  });

  // ── Header ────────────────────────────────────────────────────────────────────────────────────────────
  w.y -= 18;
  w.centered(title, w.y, { size: 17, bold: true });
  w.y -= 20;
  w.text(`${L.acceptanceNo}${data.acceptanceNo}`, w.left, w.y, { size: 9.5 });
  const gen = `${L.generatedAt}${generated}`;
  w.text(gen, w.right - textWidth(fonts.regular, gen, 9.5), w.y, { size: 9.5 });
  w.y -= 7;
  w.page.drawLine({ start: { x: w.left, y: w.y }, end: { x: w.right, y: w.y }, thickness: 1.2, color: COLORS.accent });
  w.y -= 6;

  // ── 一、个人信息 with the photo on the right ───────────────────────────────────────────────────────────
  w.section(L.personal, 150);
  const photoW = 96;
  const labelW = 62;
  const gridW = w.width - photoW;
  const valueW = (gridW - 2 * labelW) / 2;
  const cols = [labelW, valueW, labelW, valueW];
  const a = data.applicant;
  const lbl = (text: string): Cell => ({ text, kind: "label" });
  const val = (text: string | undefined, span = 1): Cell => ({ text: dash(text), kind: "value", span });
  const personalRows: Cell[][] = [
    [lbl(L.name), val(a.name), lbl(L.gender), val(a.gender)],
    [lbl(L.birthDate), val(a.birthDate), lbl(L.idType), val(a.idType)],
    [lbl(L.idNumber), val(a.idNumber), lbl(L.phone), val(a.phone)],
    [lbl(L.education), val(a.education), lbl(L.professionalTitle), val(a.professionalTitle)],
    [lbl(L.school), val(a.school), lbl(L.major), val(a.major)],
    [lbl(L.address), val(a.address, 3)],
  ];
  const { top, bottom } = w.grid(cols, personalRows);
  let gridBottom = bottom;
  const photoH = 122;
  if (top - gridBottom < photoH) {
    // Keep the photo box at least one-inch-photo tall; extend the last row's look with an empty band.
    w.page.drawRectangle({
      x: w.left,
      y: top - photoH,
      width: gridW,
      height: gridBottom - (top - photoH),
      borderColor: COLORS.line,
      borderWidth: 0.6,
    });
    gridBottom = top - photoH;
    w.y = gridBottom;
  }
  const px = w.left + gridW;
  w.page.drawRectangle({
    x: px,
    y: gridBottom,
    width: photoW,
    height: top - gridBottom,
    borderColor: COLORS.line,
    borderWidth: 0.6,
  });
  if (data.photo) {
    const img = await embedImage(pdf, data.photo);
    const size = fit(img.width, img.height, photoW - 12, top - gridBottom - 12);
    w.page.drawImage(img, {
      x: px + (photoW - size.width) / 2,
      y: gridBottom + (top - gridBottom - size.height) / 2,
      ...size,
    });
  } else {
    w.text(L.photo, px + (photoW - textWidth(fonts.regular, L.photo, 10)) / 2, (top + gridBottom) / 2 - 4, {
      size: 10,
      color: COLORS.muted,
    });
  }
  w.space(6);

  // ── 二、聘用单位 ──────────────────────────────────────────────────────────────────────────────────────
  const wideLabel = 96;
  const wideValue = (w.width - 2 * wideLabel) / 2;
  const wideCols = [wideLabel, wideValue, wideLabel, wideValue];
  w.section(L.employer);
  w.grid(wideCols, [
    [lbl(L.employerName), val(data.employer.name, 3)],
    [lbl(L.creditCode), val(data.employer.creditCode), lbl(L.employerPhone), val(data.employer.phone)],
  ]);
  w.space(6);

  // ── 三、注册信息 (+ type-specific rows) ───────────────────────────────────────────────────────────────
  const r = data.registration;
  const pairs: LabeledValue[] = [
    { label: L.regType, value: r.typeLabel ?? data.typeLabel },
    { label: L.specialty, value: r.specialty },
    ...(r.qualificationCertificateNo !== undefined
      ? [{ label: L.qualificationNo, value: r.qualificationCertificateNo }]
      : []),
    ...(r.approvalDate !== undefined ? [{ label: L.approvalDate, value: r.approvalDate }] : []),
    ...(r.qualificationPlace !== undefined ? [{ label: L.qualificationPlace, value: r.qualificationPlace }] : []),
    ...(r.extra ?? []),
  ];
  w.section(L.registration);
  w.grid(
    wideCols,
    pairRows(pairs, wideValue, (t) => textWidth(fonts.regular, t, w.fontSize)),
  );
  w.space(6);

  // ── Optional tables ──────────────────────────────────────────────────────────────────────────────────
  const numbers = [...L.numbering.slice(0, -1)];
  let n = 0;
  const nextTitle = (t: string) => `${numbers[n++] ?? ""}、${t}`;
  if (data.continuingEducation?.length) {
    w.section(nextTitle(L.ce), 50);
    w.table(
      [
        { title: "专业类别", weight: 2 },
        { title: "必修学时", weight: 1.2, align: "center" },
        { title: "选修学时", weight: 1.2, align: "center" },
        { title: "培训日期", weight: 1.6, align: "center" },
        { title: "培训机构", weight: 3.5 },
      ],
      data.continuingEducation.map((c) => [
        c.specialty,
        String(c.requiredHours),
        String(c.electiveHours),
        c.trainingDate,
        c.provider,
      ]),
    );
    w.space(6);
  }
  if (data.workExperience?.length) {
    w.section(nextTitle(L.work), 50);
    w.table(
      [
        { title: "起止时间", weight: 2.2, align: "center" },
        { title: "工作单位", weight: 4 },
        { title: "职务/岗位", weight: 2 },
        { title: "证明人", weight: 1.3, align: "center" },
      ],
      data.workExperience.map((e) => [e.period, e.employer, e.position, dash(e.witness)]),
    );
    w.space(6);
  }
  if (data.achievements?.length) {
    w.section(nextTitle(L.achievements), 50);
    w.table(
      [
        { title: "时间", weight: 1.6, align: "center" },
        { title: "项目名称", weight: 4 },
        { title: "项目规模/类别", weight: 2.2 },
        { title: "本人担任角色", weight: 2.2 },
      ],
      data.achievements.map((e) => [e.period, e.projectName, dash(e.scale), e.role]),
    );
    w.space(6);
  }
  if (data.attachments?.length) {
    w.section(nextTitle(L.attachments), 50);
    w.table(
      [
        { title: "序号", weight: 0.8, align: "center" },
        { title: "材料名称", weight: 4 },
        { title: "文件", weight: 4 },
      ],
      data.attachments.map((f, i) => [String(i + 1), f.name, dash(f.fileName)]),
    );
    w.space(6);
  }

  // ── 申请人员意见 ────────────────────────────────────────────────────────────────────────────────────────
  w.section(nextTitle(L.statement), 60);
  w.paragraph(applicantStatement, { indent: 0 });
  w.paragraph(L.agreed, { color: COLORS.muted, size: 8.5 });
  w.space(8);

  // ── Signature boxes ─────────────────────────────────────────────────────────────────────────────────
  const boxH = 168;
  const headH = 20;
  w.ensure(boxH + 4);
  const boxTop = w.y;
  const half = w.width / 2;
  for (const [i, heading] of [L.applicantSign, L.employerOpinion].entries()) {
    const x = w.left + i * half;
    w.page.drawRectangle({
      x,
      y: boxTop - boxH,
      width: half,
      height: boxH,
      borderColor: COLORS.line,
      borderWidth: 0.6,
    });
    w.page.drawRectangle({
      x,
      y: boxTop - headH,
      width: half,
      height: headH,
      color: COLORS.labelFill,
      borderColor: COLORS.line,
      borderWidth: 0.6,
    });
    w.text(heading, x + (half - textWidth(fonts.bold, heading, 10)) / 2, boxTop - headH + 6, { size: 10, bold: true });
  }
  const sigH = 66;
  const sigRectFor = (i: number) => [w.left + i * half + 8, boxTop - boxH + 8, half - 16, sigH] as const;

  // Applicant box: the uploaded handwritten signature above the digital-signature area.
  const lx = w.left + 10;
  let ly = boxTop - headH - 18;
  w.text(L.handwritten, lx, ly, { size: 9, color: COLORS.muted });
  if (data.signatureImage) {
    const img = await embedImage(pdf, data.signatureImage);
    const size = fit(img.width, img.height, half - 90, boxH - headH - sigH - 26);
    w.page.drawImage(img, { x: lx + 52, y: ly - size.height + 12, ...size });
  }
  // Employer box: the employer's opinion text above its digital-signature area.
  const rx = w.left + half + 10;
  ly = boxTop - headH - 16;
  for (const line of wrapText(employerStatement, fonts.regular, 9, half - 20)) {
    w.text(line, rx, ly, { size: 9 });
    ly -= 13;
  }
  for (const i of [0, 1]) {
    const [x, y, sw] = sigRectFor(i);
    w.text(L.digitalSign, x + 2, y + sigH + 4, { size: 8, color: COLORS.muted });
    w.page.drawRectangle({
      x,
      y,
      width: sw,
      height: sigH,
      borderColor: COLORS.line,
      borderWidth: 0.4,
      borderDashArray: [2, 2],
    });
  }
  addSignatureField(pdf, w.page, SIGNATURE_FIELD_NAMES.applicant, sigRectFor(0));
  addSignatureField(pdf, w.page, SIGNATURE_FIELD_NAMES.employer, sigRectFor(1));
  w.y = boxTop - boxH;

  w.pageNumbers();
  return savePdf(pdf);
}

/** Lays label/value pairs two per row; a value too long for half a row gets the whole row. */
function pairRows(pairs: readonly LabeledValue[], halfValueWidth: number, measure: (t: string) => number): Cell[][] {
  const rows: Cell[][] = [];
  let pending: LabeledValue | null = null;
  const lbl = (text: string): Cell => ({ text, kind: "label" });
  const val = (text: string, span = 1): Cell => ({ text: dash(text), kind: "value", span });
  for (const p of pairs) {
    const long = measure(p.value) > halfValueWidth - 10;
    if (long) {
      if (pending) rows.push([lbl(pending.label), val(pending.value, 3)]);
      pending = null;
      rows.push([lbl(p.label), val(p.value, 3)]);
    } else if (pending) {
      rows.push([lbl(pending.label), val(pending.value), lbl(p.label), val(p.value)]);
      pending = null;
    } else {
      pending = p;
    }
  }
  if (pending) rows.push([lbl(pending.label), val(pending.value, 3)]);
  return rows;
}
