"use client";

import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { forwardRef } from "react";

const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-invalid:border-red-500 disabled:bg-slate-100";

export function ErrorText({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="mt-1 text-sm text-red-700">
      {message}
    </p>
  ) : null;
}

interface Labelled {
  label: string;
  error?: string;
  hint?: string;
}

/** Label, hint and error around one control, tied to it by id so they are read together. */
function FieldFrame({ inputId, label, hint, error, children }: Labelled & { inputId: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={inputId} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
      {children}
      <ErrorText id={`${inputId}-error`} message={error} />
    </div>
  );
}

const controlProps = (inputId: string, error?: string) => ({
  id: inputId,
  "aria-invalid": error ? true : undefined,
  "aria-describedby": error ? `${inputId}-error` : undefined,
  className: inputClass,
});
const idFor = (name: string, id?: string) => id ?? `input-${name.replace(/\./g, "-")}`;

export const TextInput = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement> & Labelled & { name: string }>(
  function TextInput({ label, error, hint, id, name, ...input }, ref) {
    const inputId = idFor(name, id);
    return (
      <FieldFrame inputId={inputId} label={label} hint={hint} error={error}>
        <input ref={ref} name={name} {...controlProps(inputId, error)} {...input} />
      </FieldFrame>
    );
  },
);

export const TextArea = forwardRef<HTMLTextAreaElement, TextareaHTMLAttributes<HTMLTextAreaElement> & Labelled & { name: string }>(
  function TextArea({ label, error, hint, id, name, rows = 4, ...input }, ref) {
    const inputId = idFor(name, id);
    return (
      <FieldFrame inputId={inputId} label={label} hint={hint} error={error}>
        <textarea ref={ref} name={name} rows={rows} {...controlProps(inputId, error)} {...input} />
      </FieldFrame>
    );
  },
);

export const SelectField = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement> & Labelled & { name: string; options: { value: string; label: string }[] }>(
  function SelectField({ label, error, hint, id, name, options, ...select }, ref) {
    const inputId = idFor(name, id);
    return (
      <FieldFrame inputId={inputId} label={label} hint={hint} error={error}>
        <select ref={ref} name={name} {...controlProps(inputId, error)} {...select}>
          <option value="">Choose…</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </FieldFrame>
    );
  },
);

/** A list edited as one line per entry. */
export function LinesField({ label, name, value, onChange, error, hint, disabled }: Labelled & { name: string; value: string[] | undefined; onChange: (lines: string[]) => void; disabled?: boolean }) {
  return (
    <TextArea
      label={label}
      name={name}
      hint={hint ?? "One per line"}
      error={error}
      disabled={disabled}
      value={(value ?? []).join("\n")}
      onChange={(event) => onChange(event.target.value.split("\n"))}
    />
  );
}
