import { redirect } from "next/navigation";

// The copilot becomes home later; until then the physician list is where work starts.
export default function Home() {
  redirect("/physicians");
}
