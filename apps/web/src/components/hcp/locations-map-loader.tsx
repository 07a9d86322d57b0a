"use client";

import dynamic from "next/dynamic";

import { Skeleton } from "@pharmacrm/ui";

/** Leaflet needs `window`: the map is loaded in the browser only, with a placeholder of the same size meanwhile. */
export const LocationsMapLoader = dynamic(() => import("./locations-map"), {
  ssr: false,
  loading: () => <Skeleton className="h-72 w-full rounded-md" />,
});
