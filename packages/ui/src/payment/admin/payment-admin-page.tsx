import Link from "next/link";

/** Förvaltning's entry to payment responsibility: the agreements and the invoice basis. */
export function PaymentAdminPage() {
  return (
    <div>
      <h1 className="mb-4 text-2xl font-semibold">Betalningsansvar</h1>
      <p className="mb-4 max-w-3xl">
        Kommunens betalningsansvar för patienter som är utskrivningsklara och kvar på sjukhus, enligt lagen om samverkan vid utskrivning från sluten hälso- och
        sjukvård och överenskommelserna mellan region och kommun.
      </p>
      <ul className="list-disc space-y-2 pl-6">
        <li>
          <Link href="/betalningsansvar/overenskommelser">Överenskommelser och belopp per vårddygn</Link>
        </li>
        <li>
          <Link href="/betalningsansvar/faktureringsunderlag">Faktureringsunderlag per kommun och månad</Link>
        </li>
      </ul>
    </div>
  );
}
