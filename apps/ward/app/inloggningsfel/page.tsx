import { LoginErrorPage } from "@vardkedjan/ui";

export default async function Page({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  return <LoginErrorPage portal="slutenvard" error={(await searchParams).error} />;
}
