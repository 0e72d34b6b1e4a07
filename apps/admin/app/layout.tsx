import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = { title: "Vårdkedjan · Förvaltning", description: "Samordnad utskrivningsplanering" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="sv">
      <body>{children}</body>
    </html>
  );
}
