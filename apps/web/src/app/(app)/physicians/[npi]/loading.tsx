import { Card, Skeleton } from "@pharmacrm/ui";

function SectionSkeleton({ chart = false, rows = 4 }: { chart?: boolean; rows?: number }) {
  return (
    <Card className="space-y-3 p-4">
      <Skeleton className="h-4 w-40" />
      {chart ? <Skeleton className="h-56 w-full" /> : null}
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-3.5 w-full" />
      ))}
    </Card>
  );
}

/** The 360 layout's shape while the profile loads: header, section links, charts, side cards, map. */
export default function LoadingHcp() {
  return (
    <div className="space-y-5" role="status" aria-label="Loading physician">
      <Skeleton className="h-3.5 w-20" />
      <div className="space-y-2">
        <Skeleton className="h-6 w-72" />
        <Skeleton className="h-4 w-96" />
      </div>
      <div className="flex gap-2">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-6 w-24" />
        ))}
      </div>
      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_26rem]">
        <div className="space-y-5">
          <SectionSkeleton chart rows={5} />
          <SectionSkeleton chart rows={3} />
        </div>
        <div className="space-y-5">
          <SectionSkeleton rows={6} />
          <SectionSkeleton rows={2} />
          <SectionSkeleton rows={2} />
        </div>
      </div>
      <div className="grid gap-5 lg:grid-cols-2">
        <Card className="p-4">
          <Skeleton className="h-72 w-full" />
        </Card>
        <SectionSkeleton rows={3} />
      </div>
    </div>
  );
}
