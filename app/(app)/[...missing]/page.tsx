import { notFound } from "next/navigation";

// An unknown path renders the not-found page inside the app's layout (header, skip link, the one <main>),
// like a record that does not exist, instead of a bare page outside it.
export default function MissingPage() {
  notFound();
}
