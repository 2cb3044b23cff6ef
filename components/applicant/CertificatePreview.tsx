import { fill } from "@/components/ui/fill";

/** The card's words (applicant catalog `certificatePreview`); `title` has a {program} placeholder. */
export type CertificatePreviewTexts = {
  label: string;
  title: string;
  name: string;
  gender: string;
  birthDate: string;
  registrationNo: string;
  employer: string;
  specialty: string;
  validUntil: string;
  afterRegistration: string;
  notFilled: string;
  specialtyAfterRegistration: string;
  photo: string;
  photoPlaceholder: string;
  signature: string;
  signatureAlt: string;
  notUploaded: string;
  caption: string;
};

const ZH: CertificatePreviewTexts = {
  label: "执业证书预览",
  title: "{program}注册证书",
  name: "姓　　名",
  gender: "性　　别",
  birthDate: "出生日期",
  registrationNo: "注册编号",
  employer: "聘用企业",
  specialty: "注册专业",
  validUntil: "有效期至",
  afterRegistration: "（注册后生成）",
  notFilled: "（未填写）",
  specialtyAfterRegistration: "（注册后填写）",
  photo: "证书照片",
  photoPlaceholder: "一寸照片",
  signature: "个人签名：",
  signatureAlt: "证书签名",
  notUploaded: "（未上传）",
  caption: "预览仅供核对照片和签名的显示效果，非正式证书。正式电子证书在注册批准后通过“领证”领取。",
};

/**
 * 执业证书预览: a mock of the electronic certificate card with the photo and signature on file (R3 fields). The page
 * passes `texts` in the reader's language (applicantComponentTexts()); Chinese by default.
 */
export function CertificatePreview(props: {
  texts?: CertificatePreviewTexts;
  programName: string;
  name: string;
  gender: string;
  birthDate: string;
  registrationNo: string | null;
  employerName: string | null;
  specialty: string | null;
  validUntil: string | null;
  authority: string;
  photoFileId: string | null;
  signatureFileId: string | null;
}) {
  const t = props.texts ?? ZH;
  return (
    <figure className="ap-cert m-0" aria-label={t.label} data-testid="certificate-preview">
      <h3>{fill(t.title, { program: props.programName })}</h3>
      <div className="body">
        <dl>
          <dt>{t.name}</dt>
          <dd>{props.name}</dd>
          <dt>{t.gender}</dt>
          <dd>{props.gender}</dd>
          <dt>{t.birthDate}</dt>
          <dd>{props.birthDate}</dd>
          <dt>{t.registrationNo}</dt>
          <dd>{props.registrationNo ?? t.afterRegistration}</dd>
          <dt>{t.employer}</dt>
          <dd>{props.employerName ?? t.notFilled}</dd>
          <dt>{t.specialty}</dt>
          <dd>{props.specialty ?? t.specialtyAfterRegistration}</dd>
          <dt>{t.validUntil}</dt>
          <dd>{props.validUntil ?? t.afterRegistration}</dd>
        </dl>
        <div className="photo">
          {props.photoFileId ? <img src={`/files/${props.photoFileId}`} alt={t.photo} /> : t.photoPlaceholder}
        </div>
      </div>
      <div className="foot">
        <div className="sig">
          {t.signature}
          {props.signatureFileId ? (
            <img src={`/files/${props.signatureFileId}`} alt={t.signatureAlt} />
          ) : (
            <span className="none">{t.notUploaded}</span>
          )}
        </div>
        <div className="seal" aria-hidden="true">
          {props.authority}
        </div>
      </div>
      <figcaption className="ap-muted mt-2">{t.caption}</figcaption>
    </figure>
  );
}
