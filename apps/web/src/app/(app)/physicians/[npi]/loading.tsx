import { Card, Skeleton } from "@pharmacrm/ui";

export default function LoadingHcp() {
  return (
    <div className="space-y-5" role="status" aria-label="Loading physician">
      <Skeleton className="h-3.5 w-20" />
      <div className="space-y-2">
        <Skeleton className="h-6 w-72" />
        <Skeleton className="h-4 w-96" />
      </div>
      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_26rem]">
        <Card className="space-y-5 p-4">
          {Array.from({ length: 4 }, (_, i) => (
            <div key={i} className="flex gap-3">
              <Skeleton className="size-7 rounded-full" />
              <div className="flex-1 space-y-2">
                <Skeleton className="h-4 w-1/3" />
                <Skeleton className="h-3.5 w-2/3" />
              </div>
            </div>
          ))}
        </Card>
        <div className="space-y-5">
          <Card className="space-y-2 p-4">
            {Array.from({ length: 6 }, (_, i) => (
              <Skeleton key={i} className="h-3.5 w-full" />
            ))}
          </Card>
          <Card className="h-32 p-4">
            <Skeleton className="h-3.5 w-1/2" />
          </Card>
        </div>
      </div>
    </div>
  );
}
