"use client";
import { ErrorPage } from "@vardkedjan/ui";

// A page that cannot be rendered (Vårdkedjan's database gone, say) shows the same guidance as the
// offline page: the routine, the saved contact list, the backup kit. Never the error itself.
export default function Error() {
  return <ErrorPage portal="forvaltning" />;
}
