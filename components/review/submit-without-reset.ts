import { startTransition, type FormEvent } from "react";

/**
 * React 19 resets a `<form action={…}>` after every submission, which would wipe what the reviewer typed when the
 * server answers with an error (e.g. 补正原因 missing, or a conflict). Submitting through onSubmit keeps the fields;
 * the clicked button's name/value (e.g. 同意撤回 / 不同意撤回) is kept via the submitter.
 */
export function submitWithoutReset(dispatch: (fd: FormData) => void) {
  return (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLElement | null;
    const fd = new FormData(e.currentTarget, submitter);
    startTransition(() => dispatch(fd));
  };
}
