"use client";

import { useEffect, useId, useRef, useState } from "react";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";

// A type-ahead people field (ARIA combobox with a listbox popup): the lists' GET filters, and the forms that name a
// person. Typing asks `lookup` (GET /api/people for the filters) for at most 20 matches the signed-in person may
// choose, instead of the page shipping every CSM or AE as an <option>. ↑ ↓ choose, Enter picks, Escape closes (or, closed, clears back to "All"). The chosen id goes
// in a hidden field, so the form's Apply puts it in the URL; the page names the chosen person server-side from there.

const DEBOUNCE_MS = 150;

export interface PickerOption {
  value: string;
  label: string;
  detail?: string;
  /** The person's role, when the look-up answers people of several. */
  role?: Role;
}

interface Props {
  id: string;
  /** The form field (URL parameter) the chosen id goes in. */
  name: string;
  label: string;
  /** The look-up URL, e.g. `/api/people?role=CSM`; `q` (what is typed) is added to it. */
  lookup: string;
  /** What no choice means, e.g. "All CSMs". */
  allLabel: string;
  /** The current choice from the URL, named by the server. */
  selected: PickerOption | null;
  /** Choices that are not people, always offered (e.g. "Unassigned"). */
  fixed?: PickerOption[];
  /** As wide as its container, for a form's field (a filter is narrow). */
  wide?: boolean;
  /** The field's error, from the server. */
  error?: string;
  /** Told of each choice (null: none), for a form that follows it (the token's role follows its user's). */
  onChoose?: (option: PickerOption | null) => void;
}

function usePeople(lookup: string, query: string, open: boolean): { options: PickerOption[]; status: string } {
  const [state, setState] = useState<{ options: PickerOption[]; status: string }>({ options: [], status: "" });
  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const url = `${lookup}${lookup.includes("?") ? "&" : "?"}${new URLSearchParams({ q: query.trim() })}`;
        const response = await fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } });
        const body = (await response.json()) as { people?: { id: string; name: string; email: string; role?: Role }[]; message?: string };
        if (!response.ok || !body.people) return setState({ options: [], status: body.message ?? "Could not load names." });
        setState({ options: body.people.map((p) => ({ value: p.id, label: p.name, role: p.role, detail: p.role ? `${ROLE_LABELS[p.role]} · ${p.email}` : p.email })), status: `${body.people.length} ${body.people.length === 1 ? "match" : "matches"}` });
      } catch {
        if (!controller.signal.aborted) setState({ options: [], status: "Could not load names." });
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [lookup, query, open]);
  return state;
}

export function PersonPicker({ id, name, label, lookup, allLabel, selected, fixed = [], wide = false, error, onChoose }: Props) {
  const listId = `${useId().replace(/:/g, "")}-list`;
  const input = useRef<HTMLInputElement>(null);
  const [choice, setChoice] = useState<PickerOption | null>(selected);
  const [text, setText] = useState(selected?.label ?? "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const query = choice && text === choice.label ? "" : text;
  const people = usePeople(lookup, query, open);
  const needle = query.trim().toLowerCase();
  const options: PickerOption[] = [
    { value: "", label: allLabel },
    ...fixed.filter((option) => option.label.toLowerCase().startsWith(needle)),
    ...people.options,
  ];
  const optionId = (index: number) => `${listId}-${index}`;

  const choose = (option: PickerOption) => {
    const next = option.value ? option : null;
    if (next?.value !== choice?.value) onChoose?.(next);
    setChoice(next);
    setText(next?.label ?? "");
    setOpen(false);
    setActive(-1);
  };
  const close = () => {
    setOpen(false);
    setActive(-1);
    setText(choice?.label ?? "");
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) return setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((index) => (index + step + options.length) % options.length);
    } else if (event.key === "Enter" && open && options[active]) {
      // Picking is not submitting: the form's Apply (or a second Enter) does that.
      event.preventDefault();
      choose(options[active]);
    } else if (event.key === "Escape") {
      event.preventDefault();
      if (open) close();
      else choose({ value: "", label: allLabel });
    }
  };

  return (
    <div className="relative">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">{label}</label>
      <input type="hidden" name={name} value={choice?.value ?? ""} />
      <div className="flex items-center">
        <input
          ref={input}
          id={id}
          type="text"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder={allLabel}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => {
            if (!text.trim()) choose({ value: "", label: allLabel });
            else close();
          }}
          onKeyDown={onKeyDown}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className={`${wide ? "mt-1 w-full py-2" : "w-48 py-1.5"} rounded-md border border-slate-300 bg-white px-3 text-sm`}
        />
        {choice ? (
          <button type="button" aria-label={`Clear ${label}: show ${allLabel.toLowerCase()}`} onClick={() => { choose({ value: "", label: allLabel }); input.current?.focus(); }} className="-ml-7 rounded px-1.5 text-slate-500 hover:text-slate-900">
            ×
          </button>
        ) : null}
      </div>
      <ul id={listId} role="listbox" aria-label={`${label} choices`} hidden={!open} className="absolute z-20 mt-1 max-h-72 w-72 overflow-y-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg">
        {options.map((option, index) => (
          <li
            key={`${option.value}-${index}`}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            // mousedown, not click: keeps the focus (and so the choice) in the field instead of blurring it first.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(option);
            }}
            className="cursor-pointer px-3 py-1.5 hover:bg-slate-100 aria-selected:bg-brand-50 aria-selected:ring-2 aria-selected:ring-inset aria-selected:ring-brand-600"
          >
            <span className="block text-slate-900">{option.label}</span>
            {option.detail ? <span className="block text-xs text-slate-600">{option.detail}</span> : null}
          </li>
        ))}
      </ul>
      {error ? <p id={`${id}-error`} className="mt-1 text-sm text-red-700">{error}</p> : null}
      <p role="status" className="sr-only">{open ? people.status : ""}</p>
    </div>
  );
}
