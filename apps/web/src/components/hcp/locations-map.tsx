"use client";

// Practice locations on a map that needs no network: the basemap is the US state outlines bundled with us-atlas,
// drawn as a GeoJSON layer; there is no tile layer, so the page never calls a tile server.
import "leaflet/dist/leaflet.css";

import type { FeatureCollection } from "geojson";
import type { LatLngBoundsExpression } from "leaflet";
import { CircleMarker, GeoJSON, MapContainer, Popup } from "react-leaflet";
import { feature } from "topojson-client";
import states from "us-atlas/states-10m.json";

export interface MapPoint {
  lat: number;
  lng: number;
  /** Addresses placed at this ZIP centroid. */
  labels: { title: string; lines: string[] }[];
  primary: boolean;
}

type Atlas = Parameters<typeof feature>[0];
const atlas = states as unknown as Atlas;
// states-10m.json holds one GeometryCollection of the 50 states, DC and territories: a FeatureCollection once converted.
const stateOutlines = feature(atlas, atlas.objects.states!) as unknown as FeatureCollection;

function boundsOf(points: MapPoint[]): LatLngBoundsExpression {
  const lats = points.map((p) => p.lat);
  const lngs = points.map((p) => p.lng);
  // Pad a lone point (or a tight cluster) so the view shows its surroundings rather than zooming to the maximum.
  const pad = 0.4;
  return [
    [Math.min(...lats) - pad, Math.min(...lngs) - pad],
    [Math.max(...lats) + pad, Math.max(...lngs) + pad],
  ];
}

export default function LocationsMap({ points }: { points: MapPoint[] }) {
  return (
    // MapContainer passes only id/className/style to its element, so the test id sits on a wrapper.
    <div data-testid="locations-map" className="isolate">
      <MapContainer
        bounds={boundsOf(points)}
        boundsOptions={{ padding: [24, 24], maxZoom: 9 }}
        scrollWheelZoom={false}
        attributionControl={false}
        className="h-72 w-full rounded-md"
        // Water: leaflet.css paints the container grey for missing tiles; there are no tiles here.
        style={{ background: "#e0f2fe" }}
      >
        <GeoJSON
          data={stateOutlines}
          style={{ color: "#94a3b8", weight: 1, fillColor: "#f8fafc", fillOpacity: 1 }}
          interactive={false}
        />
        {points.map((p) => (
          <CircleMarker
            key={`${p.lat},${p.lng}`}
            center={[p.lat, p.lng]}
            radius={p.primary ? 9 : 7}
            className="hcp-location-marker"
            pathOptions={{
              color: "#ffffff",
              weight: 2,
              fillColor: p.primary ? "#0f766e" : "#0ea5e9",
              fillOpacity: 0.95,
            }}
          >
            <Popup>
              {p.labels.map((label) => (
                <div key={label.title + label.lines.join()} className="mb-1 last:mb-0">
                  <strong>{label.title}</strong>
                  {label.lines.map((line) => (
                    <div key={line}>{line}</div>
                  ))}
                </div>
              ))}
              <div className="mt-1 text-slate-500">Located by ZIP centroid</div>
            </Popup>
          </CircleMarker>
        ))}
      </MapContainer>
    </div>
  );
}
