/** Texts of 申报须知 (审批条件), 个人承诺书 and the 社保 notice, after `003` §3.1.1 and `002` §3.1.1, per program and type. */
import { professionName, type Program } from "@/lib/domain/programs";
import { EMPLOYER_KIND_LABELS, type ApplicationType } from "@/lib/domain/types";
import { periodLabel } from "@/lib/domain/dates";

const kinds = (p: Program) =>
  p.eligibleEmployerKinds.map((k) => EMPLOYER_KIND_LABELS[k].replace(/(企业|单位|机构)$/, "")).join("、");
const project = (p: Program) => professionName(p);

export function approvalConditions(p: Program, type: ApplicationType): string[] {
  const employ = `只受聘于中华人民共和国境内的一个${kinds(p)}等单位（以下简称聘用单位），并由聘用单位缴纳社会保险`;
  const ce = "达到继续教育要求";
  switch (type) {
    case "initial":
      return [
        `依法取得${project(p)}相应专业执业资格证书或者互认资格证书`,
        employ,
        ce,
        "已上传一寸照片和手写签名，本人信息与实名认证信息一致",
      ];
    case "add_specialty":
      return [`已取得${project(p)}增项专业的执业资格证书`, "已有有效注册，增项专业与原注册在同一聘用单位", ce];
    case "extension":
      return [
        `注册有效期届满前${periodLabel(p.extensionWindow.opens)}内申请延续注册`,
        employ,
        `本注册期内每年完成继续教育必修${p.extensionCe.compulsoryPerYear}学时、选修${p.extensionCe.electivePerYear}学时`,
      ];
    case "change":
      return [
        "已与原聘用单位解除劳动关系，并能提供解聘证明",
        `与新聘用单位签订劳动合同，${employ}`,
        "原注册在有效期内",
      ];
    case "cancellation":
      return ["注册证书在有效期内", "注销原因属实；强制注销须有劳动仲裁裁决书或法院判决书"];
    case "reissue":
      return ["注册证书或执业印章遗失、污损，或需更改执业印章号", "已登报或书面声明原证书、印章作废"];
    case "suspension":
      return ["注册证书在有效期内", "暂停执业期间不得以注册人员名义执业"];
    case "resumption":
      return ["处于暂停执业状态", "恢复执业的条件已具备"];
    case "info_change":
      return ["已在本项目注册", "变更内容真实，并能提供相应证明材料"];
  }
}

export function commitmentLetter(
  p: Program,
  person: { name: string; idNumber: string; maskedPhone: string },
  employerName: string | null,
  typeLabel: string,
) {
  const proj = project(p);
  return {
    intro:
      `本人姓名：${person.name}　身份证件号：${person.idNumber}　手机号：${person.maskedPhone}，申请${proj}${typeLabel}业务。` +
      `本人已充分知悉《中华人民共和国行政许可法》及${proj}注册管理的相关法律、法规的全部要求，现郑重承诺如下：`,
    items: [
      `本人已审慎阅读、充分理解并同意接受${proj}注册管理信息系统相关规则，对系统相关规则的修改、调整均予以接受。`,
      "本人充分了解并清楚知晓不得出租、出借、出售、购买政务服务平台账户，妥善保管且依法依规使用本人账户，并承诺承担相应法律责任。",
      `本人同意以电子申报方式，申请${proj}注册业务。`,
      "本人已通过实名认证，认证及申请事项均为本人办理，提供的申报信息及材料真实有效。",
      `本人已通过考试、特许、考核认定等方式取得${proj}职业资格证书，并在考试报名、笔试等环节均不存在违法违规行为。`,
      `本人承诺受聘于${employerName ?? "（聘用单位）"}，该受聘单位符合有关主管部门规定的注册单位要求，该受聘单位为本人唯一受聘单位。`,
      "本人已依法与受聘单位签订劳动合同或其他能证明劳动关系的有效文件，由受聘单位按期缴纳社保（退休等情形除外），本人承诺对受聘情况的真实性、合法性负责。",
      "本人已按照有关规定，通过包含但不限于自学、面授培训、远程教育培训等形式完成了继续教育学习，达到本专业继续教育要求。",
      "本人不存在法律、法规规定不予注册的其他情形。",
      "本人愿意承担不实承诺、未履行承诺、违反承诺、隐瞒有关情况、提供虚假材料或违法违规执业的全部法律责任，接受有关主管部门的各项惩戒措施。",
      "本人具有完全民事行为能力，以上承诺均为本人真实意思表示。",
    ],
  };
}

export function socialInsuranceText(p: Program): string {
  return (
    `按照${project(p)}注册管理的有关规定，经核查，您的社保缴纳情况异常。是否继续申报？如继续申报，请点“确定”，同时承诺只受聘于本单位并在本单位缴纳社保，未受聘于其他单位或在其他单位缴纳社保，如有虚假，` +
    `愿承担一切责任；审批机构将看到该异常。如不继续申报，请点“取消”。`
  );
}

export function applicantOpinionText(p: Program, employerName: string | null): string {
  return (
    `本人已按照相关法律法规规定，符合注册条件，并依法取得了${project(p)}执业资格，与${employerName ?? "聘用单位"}签订真实有效的劳动合同。本人无其他资格证书注册在其他企业（兼职），` +
    `承诺已按规定完成相应继续教育，同意将证书注册至该企业。本人已核对上述内容，对申报内容及申报材料的真实性负责。`
  );
}
