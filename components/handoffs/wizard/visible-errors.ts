// Which of a step's field errors to show: all of them once the person left the step or tried to submit;
// before that, only those of fields they touched or changed (a half-typed e-mail is not an error yet, a
// go-live before the start is, as soon as it is entered).

type Flags = Record<string, unknown> | undefined;

function flagAt(flags: Flags, path: string[]): boolean {
  let cursor: unknown = flags;
  for (const part of path) {
    if (cursor === undefined || cursor === null || typeof cursor !== "object") return false;
    cursor = (cursor as Record<string, unknown>)[part];
  }
  if (cursor === true) return true;
  return typeof cursor === "object" && cursor !== null && JSON.stringify(cursor).includes("true");
}

export function visibleErrors(errors: Record<string, string>, step: string, all: boolean, touched: Flags, dirty: Flags): Record<string, string> {
  if (all) return errors;
  const shown: Record<string, string> = {};
  const anyTouched = flagAt(touched, [step]) || flagAt(dirty, [step]);
  for (const [path, message] of Object.entries(errors)) {
    const parts = [step, ...path.split(".")];
    if (flagAt(touched, parts) || flagAt(dirty, parts) || (anyTouched && isListPath(path))) shown[path] = message;
  }
  return shown;
}

// Item-level list messages ("Add at least one risk factor") speak about the whole list: shown once anything
// in the step was touched.
function isListPath(path: string): boolean {
  return ["contacts", "criteria", "risks", "painPoints", "requirements", "productIds", "_item"].includes(path);
}
