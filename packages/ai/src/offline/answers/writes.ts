// Answers for the approved writes (logInteraction, createTask): what was saved, in the tool's own message.
interface WriteResult {
  status: string;
  message: string;
  link?: string | null;
}

export function writeResultAnswer(output: WriteResult): string {
  if (typeof output?.message !== "string") return "Done.";
  return output.link ? `${output.message} [Open](${output.link})` : output.message;
}
