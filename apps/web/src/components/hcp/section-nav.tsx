/** In-page links to the 360 sections (plain anchors: they work before and without JavaScript). */
const sections = [
  ["prescribing", "Prescribing"],
  ["payments", "Payments"],
  ["calls", "Calls"],
  ["identity", "Identity & consent"],
  ["locations", "Locations"],
  ["affiliations", "Affiliations"],
] as const;

export function SectionNav() {
  return (
    <nav aria-label="Sections" className="-mx-1 flex gap-1 overflow-x-auto border-b border-slate-200 px-1 pb-1.5">
      {sections.map(([id, label]) => (
        <a
          key={id}
          href={`#${id}`}
          className="rounded-md px-2.5 py-1 text-sm whitespace-nowrap text-slate-600 hover:bg-white hover:text-slate-900 hover:shadow-xs"
        >
          {label}
        </a>
      ))}
    </nav>
  );
}
