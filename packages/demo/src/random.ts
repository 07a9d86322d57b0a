// A small seeded PRNG (sfc32) so generated data depends only on the seed, never on Math.random or the clock.
// `fork(label)` derives an independent stream, so changing one file's generator does not reshuffle the others.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  normal(mean?: number, sd?: number): number;
  logNormal(mu: number, sigma: number): number;
  shuffle<T>(items: T[]): T[];
  /** A version-4-shaped UUID drawn from this stream (deterministic ids for tenant rows). */
  uuid(): string;
  /** A 32-bit seed for libraries with their own PRNG (faker). */
  seed32(): number;
  fork(label: string): Random;
}

/** cyrb53-style string hash → 32-bit integer; mixes the root seed with a label. */
function hash32(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  return h1 >>> 0;
}

export function createRandom(seed: number, label = "root"): Random {
  const key = `${seed}:${label}`;
  let a = hash32(`a${key}`);
  let b = hash32(`b${key}`);
  let c = hash32(`c${key}`);
  let d = 1;

  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Warm up: the first outputs of sfc32 are weakly mixed.
  for (let i = 0; i < 15; i++) nextUint32();

  const next = () => nextUint32() / 4294967296;
  let spareNormal: number | undefined;

  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    normal: (mean = 0, sd = 1) => {
      if (spareNormal !== undefined) {
        const z = spareNormal;
        spareNormal = undefined;
        return mean + sd * z;
      }
      // Box–Muller; 1 - next() keeps the log argument in (0, 1].
      const r = Math.sqrt(-2 * Math.log(1 - next()));
      const theta = 2 * Math.PI * next();
      spareNormal = r * Math.sin(theta);
      return mean + sd * r * Math.cos(theta);
    },
    logNormal: (mu, sigma) => Math.exp(random.normal(mu, sigma)),
    shuffle: (items) => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [items[i], items[j]] = [items[j] as (typeof items)[number], items[i] as (typeof items)[number]];
      }
      return items;
    },
    uuid: () => {
      const hex = Array.from({ length: 4 }, () => nextUint32().toString(16).padStart(8, "0")).join("");
      const variant = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    },
    seed32: () => nextUint32(),
    fork: (childLabel) => createRandom(seed, `${label}/${childLabel}`),
  };
  return random;
}

/** Builds a sampler over weighted choices (cumulative table + binary search: O(log n) per draw). */
export function weightedPicker<T>(entries: readonly { value: T; weight: number }[]): (random: Random) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const entry of entries) {
    if (entry.weight < 0) throw new Error("negative weight");
    total += entry.weight;
    cumulative.push(total);
  }
  if (total <= 0) throw new Error("weightedPicker needs a positive total weight");
  return (random) => {
    const target = random.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return (entries[lo] as { value: T }).value;
  };
}
