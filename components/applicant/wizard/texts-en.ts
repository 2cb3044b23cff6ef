/**
 * English texts of 申报须知 (审批条件), 个人承诺书, the 社保 notice and the 申请人员意见 (issue 14 item 4): the same
 * content as texts.ts, per type, for applicants who read English. What is signed and filed (the PDF) stays Chinese.
 */
import type { Program } from "@/lib/domain/programs";
import type { ApplicationType } from "@/lib/domain/types";

/** Names the caller has already put in English: the profession and the kinds of employer the programme accepts. */
export type EnglishNames = { profession: string; employerKinds: string };

function period(p: Program): string {
  const { months, days } = p.extensionWindow.opens;
  return [months ? `${months} months` : "", days ? `${days} days` : ""].filter(Boolean).join(" and ") || "0 days";
}

export function approvalConditionsEn(p: Program, type: ApplicationType, n: EnglishNames): string[] {
  const employ =
    "You are employed by only one employer in the People's Republic of China " +
    `(${n.employerKinds} or similar; the employer), and the employer pays your social insurance`;
  const ce = "You meet the continuing education requirements";
  switch (type) {
    case "initial":
      return [
        `You hold the ${n.profession} practice qualification certificate for the specialty, ` +
          "or a mutually recognised one",
        employ,
        ce,
        "You have uploaded a one-inch photo and your handwritten signature, " +
          "and your details match your verified identity",
      ];
    case "add_specialty":
      return [
        `You hold the ${n.profession} practice qualification certificate for the additional specialty`,
        "You hold a valid registration, and the additional specialty is with the same employer",
        ce,
      ];
    case "extension":
      return [
        `You apply within ${period(p)} before your registration expires`,
        employ,
        `In each year of this registration period you completed ${p.extensionCe.compulsoryPerYear} compulsory and ` +
          `${p.extensionCe.electivePerYear} elective hours of continuing education`,
      ];
    case "change":
      return [
        "Your employment with the previous employer has ended and you can provide proof of it",
        `You have signed an employment contract with the new employer. ${employ}`,
        "Your current registration is valid",
      ];
    case "cancellation":
      return [
        "Your registration certificate is valid",
        "The reason for cancellation is true; " +
          "a compulsory cancellation needs a labour arbitration award or court judgment",
      ];
    case "reissue":
      return [
        "Your registration certificate or practice seal is lost or damaged, or the seal number must change",
        "You have declared the old certificate or seal void in a newspaper or in writing",
      ];
    case "suspension":
      return ["Your registration certificate is valid", "While suspended you may not practise as a registered person"];
    case "resumption":
      return ["Your practice is suspended", "The conditions for resuming practice are met"];
    case "info_change":
      return ["You are registered in this programme", "The changes are true and you can provide supporting documents"];
  }
}

export function commitmentLetterEn(
  _p: Program,
  n: EnglishNames,
  person: { name: string; idNumber: string; maskedPhone: string },
  employerName: string | null,
  typeLabel: string,
) {
  const proj = n.profession;
  return {
    intro:
      `I, ${person.name} (ID document no. ${person.idNumber}, mobile ${person.maskedPhone}), apply for ` +
      `${typeLabel} as a ${proj}. I am fully aware of the Administrative Licensing Law of the People's Republic of ` +
      `China and of the laws and regulations on ${proj} registration, and solemnly undertake as follows:`,
    items: [
      `I have read, understood and accept the rules of the ${proj} registration system, ` +
        "including any changes to them.",
      "I will not rent, lend, sell or buy an account of the government service platform; I keep my account safe, use " +
        "it lawfully and accept the legal responsibility for doing so.",
      `I agree to apply for ${proj} registration by electronic filing.`,
      "I have verified my identity; the verification and this application are my own, and the information and " +
        "documents I provide are true and valid.",
      `I obtained the ${proj} qualification by examination, special grant or assessment, without any breach of the ` +
        "rules in registration or examination.",
      `I am employed by ${employerName ?? "(the employer)"}, which meets the requirements for registration ` +
        "employers, and it is my only employer.",
      "I have signed an employment contract or another valid document proving employment with the employer, which " +
        "pays my social insurance on time (except when retired or similar); I am responsible for the truth and " +
        "lawfulness of my employment.",
      "I have completed continuing education as required (by self-study, classroom training, distance learning or " +
        "otherwise) and meet the continuing education requirements of my specialty.",
      "No other circumstance exists under which laws or regulations refuse registration.",
      "I accept full legal responsibility for any untrue, unfulfilled or broken undertaking, for concealing facts, " +
        "for false documents or for unlawful practice, and accept the measures of the competent authorities.",
      "I have full civil capacity, and the above undertakings are my true intention.",
    ],
  };
}

export function socialInsuranceTextEn(n: EnglishNames): string {
  return (
    `Under the rules on ${n.profession} registration, a check found an irregularity in your social insurance ` +
    "contributions. Do you want to continue? If so, click \u201cContinue\u201d: " +
    "you undertake that you are employed only by this employer and pay social insurance only through it, " +
    "not through any other organisation, and you accept full responsibility if this is untrue; " +
    "the registration authority will see the irregularity. If not, click \u201cCancel\u201d."
  );
}

export function applicantOpinionTextEn(n: EnglishNames, employerName: string | null): string {
  return (
    `I meet the conditions for registration under the relevant laws and regulations, hold the ${n.profession} ` +
    `practice qualification and have a true and valid employment contract with ${employerName ?? "the employer"}. ` +
    "No other qualification certificate of mine is registered with another company (part-time). I have completed " +
    "the required continuing education and agree to register my certificate with this company. I have checked the " +
    "above and am responsible for the truthfulness of the information and documents filed."
  );
}
