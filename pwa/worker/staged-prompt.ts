import { WorkerError } from "./attempt";

// A large prompt arrives in slices (one message each, so the page never spends long cloning it) and is counted whole.
let slices: string[] = [];

/** Keeps one slice of the prompt being handed over; `first` starts a new prompt. */
export function stagePrompt(slice: string, first: boolean): void {
  if (first) slices = [];
  slices.push(slice);
}

/** The prompt handed over so far, joined, and forgotten here. */
export function takeStagedPrompt(): string {
  if (!slices.length) throw new WorkerError("E_NO_PROMPT", "no prompt was handed over; edit the prompt to count again");
  const text = slices.join("");
  slices = [];
  return text;
}
