import { spawn, type ChildProcess } from "node:child_process";

const BIN = "node_modules/.bin";

/** Runs a project binary to completion, streaming its output; rejects on a non-zero exit. */
export function run(bin: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(`${BIN}/${bin}`, args, { stdio: "inherit", env });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${bin} ${args.join(" ")} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

/** Starts a long-running project binary; the caller stops it. */
export function start(bin: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  return spawn(`${BIN}/${bin}`, args, { stdio: "inherit", env });
}
