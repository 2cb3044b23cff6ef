/**
 * The applicant components' words in the reader's language, for the server pages that render them (client components
 * never load next-intl — ADR 0010): `<Portraits texts={x.portraits}>`, `<EmployerPicker texts={x.employerPicker}>`,
 * `<StartButton texts={x.start}>`, `<CertificatePreview texts={x.certificatePreview}>`, and for pages with their own
 * dialogs, forms and uploads `x.dialog` (ConfirmDialog cancelLabel/busyLabel, Problem refreshLabel, SubmitButton
 * pendingLabel = savingLabel, UploadButton texts).
 */
import { getTranslations } from "next-intl/server";
import type { CertificatePreviewTexts } from "./CertificatePreview";
import type { EmployerPickerTexts } from "./EmployerPicker";
import type { PortraitsTexts } from "./Portraits";
import type { StartTexts } from "./StartButton";
import type { UploadTexts } from "./ui";

export async function applicantComponentTexts() {
  const [t, sh] = await Promise.all([getTranslations("applicant"), getTranslations("shell")]);
  const refresh = sh("problem.refresh");
  // Messages with placeholders go raw: the client fills them (components/ui/fill.ts).
  const uploads: UploadTexts = {
    busy: sh("upload.busy"),
    failed: sh.raw("upload.failed") as string,
    offline: sh("upload.offline"),
  };
  const portraits: PortraitsTexts = {
    commitmentTitle: t("portraits.commitmentTitle"),
    commitments: [
      t("portraits.commitment1"),
      t("portraits.commitment2"),
      t("portraits.commitment3"),
      t("portraits.commitment4"),
      t("portraits.commitment5"),
    ],
    agree: t("portraits.agree"),
    agreeFirst: t("portraits.agreeFirst"),
    photo: t("portraits.photo"),
    signature: t("portraits.signature"),
    notUploaded: t("portraits.notUploaded"),
    current: t.raw("portraits.current") as string,
    upload: t.raw("portraits.upload") as string,
    uploadAgain: t.raw("portraits.uploadAgain") as string,
    photoSaved: t("portraits.photoSaved"),
    signatureSaved: t("portraits.signatureSaved"),
    refresh,
    uploads,
  };
  const employerPicker: EmployerPickerTexts = {
    current: t("employerPicker.current"),
    uscc: t("employerPicker.uscc"),
    kind: t("employerPicker.kind"),
    none: t("employerPicker.none"),
    input: t("employerPicker.input"),
    placeholder: t("employerPicker.placeholder"),
    help: t("employerPicker.help"),
    suggestions: t("employerPicker.suggestions"),
    searching: t("employerPicker.searching"),
    notFound: t("employerPicker.notFound"),
    picked: t.raw("employerPicker.picked") as string,
    sameForChange: t("employerPicker.sameForChange"),
    sameAsCurrent: t("employerPicker.sameAsCurrent"),
    saveToApply: t("employerPicker.saveToApply"),
    saving: t("employerPicker.saving"),
    confirm: t("employerPicker.confirm"),
    changed: t.raw("employerPicker.changed") as string,
    draftsUpdated: t.raw("employerPicker.draftsUpdated") as string,
    refresh,
  };
  const start: StartTexts = { busy: t("start.busy"), refresh };
  const certificatePreview: CertificatePreviewTexts = {
    label: t("certificatePreview.label"),
    title: t.raw("certificatePreview.title") as string,
    name: t("certificatePreview.name"),
    gender: t("certificatePreview.gender"),
    birthDate: t("certificatePreview.birthDate"),
    registrationNo: t("certificatePreview.registrationNo"),
    employer: t("certificatePreview.employer"),
    specialty: t("certificatePreview.specialty"),
    validUntil: t("certificatePreview.validUntil"),
    afterRegistration: t("certificatePreview.afterRegistration"),
    notFilled: t("certificatePreview.notFilled"),
    specialtyAfterRegistration: t("certificatePreview.specialtyAfterRegistration"),
    photo: t("certificatePreview.photo"),
    photoPlaceholder: t("certificatePreview.photoPlaceholder"),
    signature: t("certificatePreview.signature"),
    signatureAlt: t("certificatePreview.signatureAlt"),
    notUploaded: t("certificatePreview.notUploaded"),
    caption: t("certificatePreview.caption"),
  };
  const dialog = {
    cancelLabel: sh("dialog.cancel"),
    busyLabel: sh("dialog.working"),
    refreshLabel: refresh,
    /** SubmitButton's pendingLabel. */
    savingLabel: sh("saving"),
    uploads,
  };
  return { portraits, employerPicker, start, certificatePreview, dialog };
}
