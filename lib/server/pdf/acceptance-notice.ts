/**
 * 行政审批受理通知书 (F3): printed once both signatures are on the application form. Carries an empty "authority"
 * signature field at the seal position for the authority's digital signature.
 */
import { PDFDocument } from "pdf-lib";
import { collectStrings, embedDocumentFonts } from "./fonts";
import { savePdf, withNativeDeflate } from "./deflate";
import { formatChineseDate, formatDateTime } from "./format";
import { COLORS, FlowWriter, textWidth } from "./layout";
import { addSignatureField, SIGNATURE_FIELD_NAMES } from "./signature-fields";

export interface AcceptanceNoticeData {
  /** 审批机构, e.g. 上海市住房和城乡建设管理委员会. */
  readonly authorityName: string;
  readonly acceptanceNo: string;
  readonly applicantName: string;
  readonly employerName?: string;
  /** e.g. 二级造价工程师 */
  readonly programName: string;
  /** e.g. 初始注册 */
  readonly typeLabel: string;
  /** When the application was submitted (both signatures complete). */
  readonly submittedAt: Date;
  /** 受理日期 */
  readonly acceptedAt: Date;
  /** 承诺办结时限 in working days (default 20). */
  readonly decisionWorkingDays?: number;
  /** 咨询电话 */
  readonly contactPhone?: string;
  /** 打印时间 (default: acceptedAt). */
  readonly generatedAt?: Date;
  /** Replaces the standard body text. */
  readonly body?: string;
}

const L = {
  title: "行政审批受理通知书",
  no: "编号：",
  colon: "：",
  item: "申请事项",
  applicant: "申请人",
  employer: "聘用单位",
  acceptedAt: "受理日期",
  no2: "受理编号",
  contact: "咨询电话",
  seal: "（审批机构电子签章）",
  printed: "打印时间：",
  note: "本通知书由执业注册平台生成，可通过平台查询办理进度及核验真伪。",
  empty: "—",
} as const;

function defaultAcceptanceText(d: AcceptanceNoticeData): string {
  const days = d.decisionWorkingDays ?? 20;
  return (
    `你于${formatChineseDate(d.submittedAt)}通过执业注册平台提交的${d.programName}${d.typeLabel}申请（受理编号：${d.acceptanceNo}），` +
    `经审查，申请材料齐全、符合法定形式。根据《中华人民共和国行政许可法》第三十二条的规定，本机关决定予以受理。` +
    `本机关将自受理之日起${days}个工作日内作出行政许可决定，请通过执业注册平台查询办理进度。`
  );
}

export async function renderAcceptanceNotice(d: AcceptanceNoticeData): Promise<Uint8Array> {
  const body = d.body ?? defaultAcceptanceText(d);
  const accepted = formatChineseDate(d.acceptedAt);
  const printed = formatDateTime(d.generatedAt ?? d.acceptedAt);
  const pdf = withNativeDeflate(await PDFDocument.create());
  pdf.setTitle(`${L.title} ${d.acceptanceNo}`);
  pdf.setSubject(`${L.no2}${L.colon}${d.acceptanceNo}`);
  pdf.setKeywords([`acceptance-no:${d.acceptanceNo}`]);
  pdf.setCreationDate(d.acceptedAt);
  pdf.setModificationDate(d.acceptedAt);
  const staticText = Object.values(L).join("");
  const fonts = await embedDocumentFonts(
    pdf,
    staticText + collectStrings(d).join("") + body + accepted + printed,
    staticText + d.authorityName,
  );

  const w = new FlowWriter(pdf, fonts, { margin: { top: 70, right: 72, bottom: 60, left: 72 }, fontSize: 11.5 });
  w.y -= 10;
  w.centered(d.authorityName, w.y, { size: 15, bold: true, color: COLORS.seal });
  w.y -= 34;
  w.centered(L.title, w.y, { size: 20, bold: true });
  w.y -= 22;
  const no = `${L.no}${d.acceptanceNo}`;
  w.text(no, w.right - textWidth(fonts.regular, no, 10.5), w.y, { size: 10.5 });
  w.y -= 10;
  w.page.drawLine({ start: { x: w.left, y: w.y }, end: { x: w.right, y: w.y }, thickness: 1.4, color: COLORS.seal });
  w.y -= 28;
  w.text(`${d.applicantName}${L.colon}`, w.left, w.y, { size: 12 });
  w.y -= 6;
  w.paragraph(`\u3000\u3000${body}`, { size: 12 });
  w.y -= 16;

  const labelW = 110;
  w.grid(
    [labelW, w.width - labelW],
    [
      [{ text: L.item, kind: "label" }, { text: `${d.programName}${d.typeLabel}` }],
      [{ text: L.applicant, kind: "label" }, { text: d.applicantName }],
      ...(d.employerName ? [[{ text: L.employer, kind: "label" as const }, { text: d.employerName }]] : []),
      [{ text: L.no2, kind: "label" }, { text: d.acceptanceNo }],
      [{ text: L.acceptedAt, kind: "label" }, { text: accepted }],
      ...(d.contactPhone ? [[{ text: L.contact, kind: "label" as const }, { text: d.contactPhone }]] : []),
    ],
    { size: 11 },
  );

  // Authority and date bottom-right, with the seal/signature field over them.
  w.ensure(200);
  const blockW = 220;
  const bx = w.right - blockW;
  let y = w.y - 60;
  const center = (t: string, size: number, bold = false) =>
    w.text(t, bx + (blockW - textWidth(bold ? fonts.bold : fonts.regular, t, size)) / 2, y, { size, bold });
  center(d.authorityName, 12, true);
  y -= 20;
  center(accepted, 12);
  // The authority's visible signature sits under the name and date, never over them.
  const fieldH = 66;
  y -= 12 + fieldH;
  addSignatureField(pdf, w.page, SIGNATURE_FIELD_NAMES.authority, [bx + 10, y, blockW - 20, fieldH]);
  w.text(L.seal, bx + (blockW - textWidth(fonts.regular, L.seal, 8)) / 2, y - 12, { size: 8, color: COLORS.muted });

  w.text(L.note, w.left, w.margin.bottom, { size: 8.5, color: COLORS.muted });
  w.text(`${L.printed}${printed}`, w.left, w.margin.bottom - 13, { size: 8.5, color: COLORS.muted });
  return savePdf(pdf);
}
