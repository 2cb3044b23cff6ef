import { type FieldErrorsLike, type FieldRegister, TextField } from "./fields";

export type NewPasswordTexts = { newPassword: string; confirm: string; passwordRule: string };

/**
 * 新密码 + 确认新密码 with the password rule under the first: the pair every form that sets a password shows
 * (修改登录密码; 获取密码 / 找回密码 can use it too). Labels come as props in the reader's language (ADR 0010).
 */
export function NewPasswordFields({
  texts,
  register,
  errors,
}: {
  texts: NewPasswordTexts;
  register: FieldRegister;
  errors: FieldErrorsLike;
}) {
  return (
    <>
      <TextField
        name="password"
        label={texts.newPassword}
        type="password"
        register={register}
        errors={errors}
        autoComplete="new-password"
        help={texts.passwordRule}
      />
      <TextField
        name="confirm"
        label={texts.confirm}
        type="password"
        register={register}
        errors={errors}
        autoComplete="new-password"
      />
    </>
  );
}
