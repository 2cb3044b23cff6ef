"use client";

import type { UseFormRegisterReturn } from "react-hook-form";

/** Image captcha + input. `version` changes whenever a new image is needed (each one is single-use). */
export function CaptchaField({
  registration,
  error,
  version,
  onReload,
}: {
  registration: UseFormRegisterReturn;
  error?: string;
  version: number;
  onReload: () => void;
}) {
  return (
    <div className="field">
      <label htmlFor="captcha">
        验证码<span className="req">*</span>
      </label>
      <div className="captcha-row">
        <input
          id="captcha"
          className="input"
          autoComplete="off"
          inputMode="text"
          maxLength={8}
          placeholder="请输入右侧图片中的字符"
          aria-invalid={error ? true : undefined}
          aria-describedby="captcha-help"
          {...registration}
        />
        <button type="button" className="captcha-img" onClick={onReload} title="看不清？点击换一张">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={`/api/captcha?v=${version}`} alt="图片验证码（点击换一张）" width={120} height={44} />
        </button>
      </div>
      <span id="captcha-help" className="help">
        不区分大小写；看不清可点击图片换一张。
      </span>
      {error ? <span className="error">{error}</span> : null}
    </div>
  );
}
