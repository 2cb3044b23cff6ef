/** 执业证书预览: a mock of the electronic certificate card with the photo and signature on file (R3 fields). */
export function CertificatePreview(props: {
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
  return (
    <figure className="ap-cert m-0" aria-label="执业证书预览" data-testid="certificate-preview">
      <h3>{props.programName}注册证书</h3>
      <div className="body">
        <dl>
          <dt>姓　　名</dt>
          <dd>{props.name}</dd>
          <dt>性　　别</dt>
          <dd>{props.gender}</dd>
          <dt>出生日期</dt>
          <dd>{props.birthDate}</dd>
          <dt>注册编号</dt>
          <dd>{props.registrationNo ?? "（注册后生成）"}</dd>
          <dt>聘用企业</dt>
          <dd>{props.employerName ?? "（未填写）"}</dd>
          <dt>注册专业</dt>
          <dd>{props.specialty ?? "（注册后填写）"}</dd>
          <dt>有效期至</dt>
          <dd>{props.validUntil ?? "（注册后生成）"}</dd>
        </dl>
        <div className="photo">
          {props.photoFileId ? <img src={`/files/${props.photoFileId}`} alt="证书照片" /> : "一寸照片"}
        </div>
      </div>
      <div className="foot">
        <div className="sig">
          个人签名：
          {props.signatureFileId ? (
            <img src={`/files/${props.signatureFileId}`} alt="证书签名" />
          ) : (
            <span className="none">（未上传）</span>
          )}
        </div>
        <div className="seal" aria-hidden="true">
          {props.authority}
        </div>
      </div>
      <figcaption className="ap-muted mt-2">
        预览仅供核对照片和签名的显示效果，非正式证书。正式电子证书在注册批准后通过“领证”领取。
      </figcaption>
    </figure>
  );
}
