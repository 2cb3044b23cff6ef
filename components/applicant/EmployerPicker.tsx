"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import type { EmployerSuggestion } from "@/lib/queries/applicant-employers";
import type { ActionResult as Outcome } from "@/lib/action-result";
import { fill, fillNodes } from "@/components/ui/fill";
import { Notice, Problem } from "./ui";
import type { ActionResult } from "@/lib/action-result";

/**
 * The picker's words from the server (applicantComponentTexts().employerPicker); `picked`, `changed` and
 * `draftsUpdated` have placeholders. Chinese by default.
 */
export type EmployerPickerTexts = {
  current: string;
  uscc: string;
  kind: string;
  none: string;
  input: string;
  placeholder: string;
  help: string;
  suggestions: string;
  searching: string;
  notFound: string;
  picked: string;
  sameForChange: string;
  sameAsCurrent: string;
  saveToApply: string;
  saving: string;
  confirm: string;
  changed: string;
  draftsUpdated: string;
  refresh: string;
};

const ZH: EmployerPickerTexts = {
  current: "当前聘用单位",
  uscc: "统一社会信用代码",
  kind: "单位类型",
  none: "尚未填写聘用单位。办理注册业务须有且只有一个聘用单位，请在下方查找并选择。",
  input: "申请注册企业（填写全称或部分名称）",
  placeholder: "例如：建科造价",
  help: "输入至少 2 个字，从下拉列表中选择企业（验证企业名称），系统自动带出统一社会信用代码。",
  suggestions: "企业名称候选",
  searching: "正在查找…",
  notFound: "未找到该企业。请核对全称；企业须先在本平台注册账号后才能被选择。",
  picked: "已选择：{name}，统一社会信用代码 {uscc}（{kind}）。",
  sameForChange: "该企业即为原聘用单位，变更注册须选择新的聘用单位。",
  sameAsCurrent: "该企业即为您当前的聘用单位，无需更换。",
  saveToApply: "点击“保存”后生效。",
  saving: "正在保存…",
  confirm: "确认更换聘用单位",
  changed: "聘用单位已更换为「{name}」（{uscc}）。",
  draftsUpdated: "您有 {count} 份未上报的草稿已改为新单位，请重新保存后再签名。",
  refresh: "刷新",
};

/**
 * 所在企业 (G3, 验证企业名称): type part of the name, pick a suggestion (searched on the server, debounced), see its
 * 统一社会信用代码, then 确认更换. Not while an application is in flight — the server says so.
 * With `onPick` (变更注册's form, C2) picking only fills the form's field; saving the form stores it.
 */
export function EmployerPicker(props: {
  current: { name: string; uscc: string; kindLabel: string } | null;
  blockedBy: string | null;
  find: (text: string) => Promise<ActionResult<{ employers: EmployerSuggestion[] }>>;
  choose?: (employerId: string) => Promise<Outcome<{ name: string; uscc: string; draftsUpdated: number }>>;
  onPick?: (employer: EmployerSuggestion) => void;
  currentLabel?: string;
  inputLabel?: string;
  texts?: EmployerPickerTexts;
}) {
  const t = props.texts ?? ZH;
  const router = useRouter();
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<EmployerSuggestion[]>([]);
  const [active, setActive] = useState(-1);
  const [picked, setPicked] = useState<EmployerSuggestion | null>(null);
  const [searching, setSearching] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Outcome<{ name: string; uscc: string; draftsUpdated: number }> | null>(null);
  const listId = useId();
  const seq = useRef(0);

  // Search on keystrokes only — picking a name also sets `text` (and `picked` just says so); a fresh `props.find` per
  // render must not restart the search.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see the comment above
  useEffect(() => {
    const q = text.trim();
    if (picked && q === picked.name) return;
    if ([...q].length < 2) {
      setItems([]);
      return;
    }
    const mine = ++seq.current;
    setSearching(true);
    const t = setTimeout(async () => {
      const res = await props.find(q);
      if (mine !== seq.current) return; // a newer keystroke won
      // A refused search (signed out, text with characters we cannot search for) simply finds nothing.
      const found = res.ok ? res.employers : [];
      setItems(found);
      setActive(found.length ? 0 : -1);
      setOpen(true);
      setSearching(false);
    }, 250);
    return () => clearTimeout(t);
  }, [text]);

  const same = !!picked && !!props.current && picked.uscc === props.current.uscc;

  const pick = (e: EmployerSuggestion) => {
    setPicked(e);
    setText(e.name);
    setOpen(false);
    setResult(null);
    props.onPick?.(e);
  };

  const confirm = async () => {
    if (!picked || !props.choose) return;
    setBusy(true);
    const res = await props.choose(picked.id);
    setBusy(false);
    setResult(res);
    if (res.ok) {
      setPicked(null);
      setText("");
      router.refresh();
    }
  };

  return (
    <div className="form">
      {props.current ? (
        <dl className="facts">
          <div>
            <dt>{props.currentLabel ?? t.current}</dt>
            <dd data-testid="current-employer">{props.current.name}</dd>
          </div>
          <div>
            <dt>{t.uscc}</dt>
            <dd>{props.current.uscc}</dd>
          </div>
          <div>
            <dt>{t.kind}</dt>
            <dd>{props.current.kindLabel}</dd>
          </div>
        </dl>
      ) : props.onPick ? null : (
        <p className="alert alert-warning">{t.none}</p>
      )}
      {props.blockedBy ? (
        <p className="alert alert-info">{props.blockedBy}</p>
      ) : (
        <>
          <div className="field ap-picker">
            <label htmlFor={`${listId}-input`}>{props.inputLabel ?? t.input}</label>
            <input
              id={`${listId}-input`}
              className="input"
              role="combobox"
              aria-expanded={open && items.length > 0}
              aria-controls={listId}
              aria-autocomplete="list"
              autoComplete="off"
              value={text}
              placeholder={t.placeholder}
              onChange={(e) => {
                setText(e.target.value);
                setPicked(null);
              }}
              onFocus={() => items.length && setOpen(true)}
              onBlur={() => setTimeout(() => setOpen(false), 150)}
              onKeyDown={(e) => {
                if (!open || !items.length) return;
                if (e.key === "ArrowDown") {
                  e.preventDefault();
                  setActive((a) => (a + 1) % items.length);
                }
                if (e.key === "ArrowUp") {
                  e.preventDefault();
                  setActive((a) => (a - 1 + items.length) % items.length);
                }
                if (e.key === "Enter" && active >= 0) {
                  e.preventDefault();
                  pick(items[active]!);
                }
                if (e.key === "Escape") setOpen(false);
              }}
            />
            <span className="help">{t.help}</span>
            {open && text.trim().length >= 2 ? (
              <ul className="ap-suggestions" id={listId} role="listbox" aria-label={t.suggestions}>
                {items.length ? (
                  items.map((e, i) => (
                    <li
                      key={e.id}
                      role="option"
                      aria-selected={i === active}
                      onMouseDown={(ev) => {
                        ev.preventDefault();
                        pick(e);
                      }}
                    >
                      {e.name}
                      <small>
                        {e.uscc} · {e.kindLabel}
                      </small>
                    </li>
                  ))
                ) : (
                  <li role="option" aria-selected={false} aria-disabled="true">
                    {searching ? t.searching : t.notFound}
                  </li>
                )}
              </ul>
            ) : null}
          </div>
          {picked ? (
            <div className="alert alert-info" data-testid="picked-employer">
              {fillNodes(t.picked, {
                name: <strong>{picked.name}</strong>,
                uscc: <strong>{picked.uscc}</strong>,
                kind: picked.kindLabel,
              })}
              {same ? (props.onPick ? t.sameForChange : t.sameAsCurrent) : props.onPick ? t.saveToApply : ""}
            </div>
          ) : null}
          {props.choose ? (
            <div className="form-actions">
              <button type="button" className="btn" disabled={!picked || busy || same} onClick={confirm}>
                {busy ? t.saving : t.confirm}
              </button>
            </div>
          ) : null}
        </>
      )}
      {result && !result.ok ? (
        <Problem error={result.error} conflict={result.conflict} refreshLabel={t.refresh} />
      ) : null}
      {result?.ok ? (
        <Notice>
          {fill(t.changed, { name: result.name, uscc: result.uscc })}
          {result.draftsUpdated ? fill(t.draftsUpdated, { count: result.draftsUpdated }) : ""}
        </Notice>
      ) : null}
    </div>
  );
}
