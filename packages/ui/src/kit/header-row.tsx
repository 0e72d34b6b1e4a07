/** A table's column headings: one row of `th scope="col"`, each a plain label (screen readers announce them per cell). */
export function HeaderRow({
  labels,
  className = "border-b border-line bg-brand-50",
  cellClassName = "px-3 py-2",
}: {
  labels: readonly string[];
  className?: string;
  cellClassName?: string;
}) {
  return (
    <tr className={className}>
      {labels.map((label) => (
        <th key={label} scope="col" className={cellClassName}>
          {label}
        </th>
      ))}
    </tr>
  );
}
