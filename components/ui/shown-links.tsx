import type { Shown } from "@/lib/paging";

/** A comma-separated list of the first few items, and how many more there are. */
export function ShownLinks<T extends { id: string }>({ shown, link }: { shown: Shown<T>; link: (item: T) => React.ReactNode }) {
  return (
    <span>
      {shown.items.map((item, index) => (
        <span key={item.id}>
          {index > 0 ? ", " : ""}
          {link(item)}
        </span>
      ))}
      {shown.more > 0 ? <span className="text-slate-600"> and {shown.more} more</span> : null}
    </span>
  );
}
