"use client";
import { GlobalErrorDocument } from "@vardkedjan/ui";
import "./globals.css";

export default function GlobalError() {
  return <GlobalErrorDocument portal="kommun" />;
}
