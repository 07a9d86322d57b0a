// Where the demo HCPs practise: a fixed list of metros (so territories have people) plus a thin national spread.
export interface Metro {
  key: string;
  name: string;
  state: string;
  lat: number;
  lng: number;
  /** Share of the metro-bound HCPs. */
  weight: number;
  areaCodes: readonly string[];
}

/** A ZIP belongs to a metro when its centroid lies within this distance of the metro centre. */
export const METRO_RADIUS_MILES = 25;

/** Share of individuals placed outside the metros, uniformly over real ZIPs of the 50 states and DC. */
export const NATIONAL_SPREAD = 0.15;

export const METROS: readonly Metro[] = [
  {
    key: "boston",
    name: "Boston",
    state: "MA",
    lat: 42.3601,
    lng: -71.0589,
    weight: 10,
    areaCodes: ["617", "781", "857"],
  },
  {
    key: "new-york",
    name: "New York",
    state: "NY",
    lat: 40.7128,
    lng: -74.006,
    weight: 24,
    areaCodes: ["212", "718", "646", "917"],
  },
  {
    key: "philadelphia",
    name: "Philadelphia",
    state: "PA",
    lat: 39.9526,
    lng: -75.1652,
    weight: 9,
    areaCodes: ["215", "267", "610"],
  },
  {
    key: "chicago",
    name: "Chicago",
    state: "IL",
    lat: 41.8781,
    lng: -87.6298,
    weight: 12,
    areaCodes: ["312", "773", "847", "630"],
  },
  {
    key: "san-francisco",
    name: "San Francisco",
    state: "CA",
    lat: 37.7749,
    lng: -122.4194,
    weight: 10,
    areaCodes: ["415", "510", "650"],
  },
  {
    key: "los-angeles",
    name: "Los Angeles",
    state: "CA",
    lat: 34.0522,
    lng: -118.2437,
    weight: 16,
    areaCodes: ["213", "310", "323", "818", "626"],
  },
  {
    key: "seattle",
    name: "Seattle",
    state: "WA",
    lat: 47.6062,
    lng: -122.3321,
    weight: 9,
    areaCodes: ["206", "425", "253"],
  },
  {
    key: "houston",
    name: "Houston",
    state: "TX",
    lat: 29.7604,
    lng: -95.3698,
    weight: 10,
    areaCodes: ["713", "281", "832"],
  },
];

export const NATIONAL_AREA_CODES = [
  "205",
  "303",
  "314",
  "402",
  "404",
  "503",
  "602",
  "615",
  "704",
  "801",
  "904",
  "919",
] as const;
