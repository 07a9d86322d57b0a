// Part D drugs the demo world prescribes, named as CMS writes them (Brnd_Name / Gnrc_Name; generics carry
// the generic name as the brand). Costs are rough 2023 Part D cost per 30-day fill; trends scale each
// year's volume relative to 2023, shaped like the public record (GLP-1s and tirzepatide up, warfarin down).

export type DataYear = 2021 | 2022 | 2023;
export const PART_D_YEARS: readonly DataYear[] = [2021, 2022, 2023];

export interface Drug {
  brand: string;
  generic: string;
  costPerFill: number;
  /** Volume multiplier per data year, 2023 = 1; 0 = not yet launched. */
  trend: Record<DataYear, number>;
  /** Therapeutic area as Open Payments writes it (Product_Category_or_Therapeutic_Area). */
  area: string;
  /** Manufacturers that report payments for this product; empty for multi-source generics. */
  manufacturers: readonly string[];
  /** Product name as manufacturers report it to Open Payments. */
  paymentName?: string;
}

const flat = { 2021: 1, 2022: 1, 2023: 1 } as const;
const rising = (y2021: number, y2022: number) => ({ 2021: y2021, 2022: y2022, 2023: 1 });

const generic = (name: string, costPerFill: number, area: string, trend: Record<DataYear, number> = flat): Drug => ({
  brand: name,
  generic: name,
  costPerFill,
  trend,
  area,
  manufacturers: [],
});

const branded = (
  brand: string,
  genericName: string,
  costPerFill: number,
  area: string,
  trend: Record<DataYear, number>,
  manufacturers: readonly string[],
  paymentName: string,
): Drug => ({ brand, generic: genericName, costPerFill, trend, area, manufacturers, paymentName });

export const DRUGS = {
  // Cardiovascular
  eliquis: branded(
    "ELIQUIS",
    "APIXABAN",
    545,
    "Cardiology",
    rising(0.8, 0.9),
    ["Bristol-Myers Squibb Company", "Pfizer Inc."],
    "Eliquis",
  ),
  xarelto: branded(
    "XARELTO",
    "RIVAROXABAN",
    560,
    "Cardiology",
    rising(1.06, 1.03),
    ["Janssen Pharmaceuticals, Inc"],
    "Xarelto",
  ),
  warfarin: generic("WARFARIN SODIUM", 9, "Cardiology", rising(1.45, 1.2)),
  entresto: branded(
    "ENTRESTO",
    "SACUBITRIL/VALSARTAN",
    610,
    "Cardiology",
    rising(0.68, 0.84),
    ["Novartis Pharmaceuticals Corporation"],
    "Entresto",
  ),
  farxiga: branded(
    "FARXIGA",
    "DAPAGLIFLOZIN PROPANEDIOL",
    560,
    "Cardiology",
    rising(0.58, 0.79),
    ["AstraZeneca Pharmaceuticals LP"],
    "Farxiga",
  ),
  jardiance: branded(
    "JARDIANCE",
    "EMPAGLIFLOZIN",
    575,
    "Endocrinology",
    rising(0.66, 0.83),
    ["Boehringer Ingelheim Pharmaceuticals, Inc.", "Eli Lilly and Company"],
    "Jardiance",
  ),
  atorvastatin: generic("ATORVASTATIN CALCIUM", 8, "Cardiology"),
  rosuvastatin: generic("ROSUVASTATIN CALCIUM", 10, "Cardiology", rising(0.86, 0.93)),
  metoprololSuccinate: generic("METOPROLOL SUCCINATE", 14, "Cardiology"),
  metoprololTartrate: generic("METOPROLOL TARTRATE", 6, "Cardiology", rising(1.04, 1.02)),
  carvedilol: generic("CARVEDILOL", 7, "Cardiology"),
  clopidogrel: generic("CLOPIDOGREL", 8, "Cardiology", rising(1.05, 1.02)),
  amlodipine: generic("AMLODIPINE BESYLATE", 5, "Cardiology"),
  lisinopril: generic("LISINOPRIL", 4, "Cardiology", rising(1.06, 1.03)),
  losartan: generic("LOSARTAN POTASSIUM", 7, "Cardiology"),
  furosemide: generic("FUROSEMIDE", 4, "Cardiology"),
  spironolactone: generic("SPIRONOLACTONE", 9, "Cardiology", rising(0.9, 0.95)),
  // Diabetes
  ozempic: branded("OZEMPIC", "SEMAGLUTIDE", 935, "Endocrinology", rising(0.42, 0.7), ["Novo Nordisk Inc"], "Ozempic"),
  trulicity: branded(
    "TRULICITY",
    "DULAGLUTIDE",
    925,
    "Endocrinology",
    rising(0.82, 0.96),
    ["Eli Lilly and Company"],
    "Trulicity",
  ),
  mounjaro: branded(
    "MOUNJARO",
    "TIRZEPATIDE",
    1005,
    "Endocrinology",
    { 2021: 0, 2022: 0.1, 2023: 1 },
    ["Eli Lilly and Company"],
    "Mounjaro",
  ),
  lantus: branded(
    "LANTUS SOLOSTAR",
    "INSULIN GLARGINE,HUM.REC.ANLOG",
    430,
    "Endocrinology",
    rising(1.12, 1.06),
    ["sanofi-aventis U.S. LLC"],
    "Lantus",
  ),
  metformin: generic("METFORMIN HCL", 6, "Endocrinology"),
  glipizide: generic("GLIPIZIDE", 6, "Endocrinology", rising(1.08, 1.04)),
  levothyroxine: generic("LEVOTHYROXINE SODIUM", 11, "Endocrinology"),
  // Respiratory
  trelegy: branded(
    "TRELEGY ELLIPTA",
    "FLUTICASONE/UMECLIDIN/VILANTER",
    690,
    "Respiratory",
    rising(0.74, 0.87),
    ["GlaxoSmithKline, LLC."],
    "Trelegy Ellipta",
  ),
  breo: branded(
    "BREO ELLIPTA",
    "FLUTICASONE/VILANTEROL",
    480,
    "Respiratory",
    rising(1.1, 1.05),
    ["GlaxoSmithKline, LLC."],
    "Breo Ellipta",
  ),
  breztri: branded(
    "BREZTRI AEROSPHERE",
    "BUDESONIDE/GLYCOPYRROLATE/FORMOTEROL",
    670,
    "Respiratory",
    rising(0.38, 0.68),
    ["AstraZeneca Pharmaceuticals LP"],
    "Breztri Aerosphere",
  ),
  spiriva: branded(
    "SPIRIVA",
    "TIOTROPIUM BROMIDE",
    520,
    "Respiratory",
    rising(1.28, 1.12),
    ["Boehringer Ingelheim Pharmaceuticals, Inc."],
    "Spiriva",
  ),
  albuterol: generic("ALBUTEROL SULFATE", 28, "Respiratory"),
  montelukast: generic("MONTELUKAST SODIUM", 9, "Respiratory"),
  // Psychiatry and neurology
  sertraline: generic("SERTRALINE HCL", 7, "Psychiatry", rising(0.94, 0.97)),
  escitalopram: generic("ESCITALOPRAM OXALATE", 7, "Psychiatry", rising(0.93, 0.97)),
  bupropion: generic("BUPROPION XL", 18, "Psychiatry"),
  trazodone: generic("TRAZODONE HCL", 6, "Psychiatry"),
  quetiapine: generic("QUETIAPINE FUMARATE", 12, "Psychiatry", rising(1.04, 1.02)),
  vraylar: branded("VRAYLAR", "CARIPRAZINE HCL", 1390, "Psychiatry", rising(0.7, 0.85), ["AbbVie Inc."], "Vraylar"),
  rexulti: branded(
    "REXULTI",
    "BREXPIPRAZOLE",
    1360,
    "Psychiatry",
    rising(0.76, 0.88),
    ["Otsuka America Pharmaceutical, Inc.", "Lundbeck LLC"],
    "Rexulti",
  ),
  nurtec: branded(
    "NURTEC ODT",
    "RIMEGEPANT SULFATE",
    1010,
    "Neurology",
    rising(0.48, 0.78),
    ["Pfizer Inc."],
    "Nurtec ODT",
  ),
  ubrelvy: branded("UBRELVY", "UBROGEPANT", 980, "Neurology", rising(0.58, 0.82), ["AbbVie Inc."], "Ubrelvy"),
  levetiracetam: generic("LEVETIRACETAM", 15, "Neurology"),
  gabapentin: generic("GABAPENTIN", 9, "Neurology", rising(1.03, 1.01)),
  donepezil: generic("DONEPEZIL HCL", 8, "Neurology", rising(1.05, 1.02)),
  // Other specialties
  kerendia: branded(
    "KERENDIA",
    "FINERENONE",
    640,
    "Nephrology",
    rising(0.15, 0.55),
    ["Bayer HealthCare Pharmaceuticals Inc."],
    "Kerendia",
  ),
  sevelamer: generic("SEVELAMER CARBONATE", 95, "Nephrology"),
  calcitriol: generic("CALCITRIOL", 22, "Nephrology"),
  dupixent: branded(
    "DUPIXENT PEN",
    "DUPILUMAB",
    3450,
    "Dermatology",
    rising(0.62, 0.82),
    ["sanofi-aventis U.S. LLC", "Regeneron Healthcare Solutions, Inc."],
    "Dupixent",
  ),
  clobetasol: generic("CLOBETASOL PROPIONATE", 45, "Dermatology"),
  triamcinolone: generic("TRIAMCINOLONE ACETONIDE", 12, "Dermatology"),
  doxycycline: generic("DOXYCYCLINE HYCLATE", 25, "Dermatology"),
  ibrance: branded("IBRANCE", "PALBOCICLIB", 14200, "Oncology", rising(1.08, 1.04), ["Pfizer Inc."], "Ibrance"),
  xtandi: branded(
    "XTANDI",
    "ENZALUTAMIDE",
    13600,
    "Oncology",
    rising(0.88, 0.95),
    ["Astellas Pharma US Inc", "Pfizer Inc."],
    "Xtandi",
  ),
  anastrozole: generic("ANASTROZOLE", 6, "Oncology"),
  letrozole: generic("LETROZOLE", 8, "Oncology"),
  ondansetron: generic("ONDANSETRON HCL", 9, "Oncology"),
  methotrexate: generic("METHOTREXATE", 20, "Rheumatology"),
  hydroxychloroquine: generic("HYDROXYCHLOROQUINE SULFATE", 14, "Rheumatology"),
  prednisone: generic("PREDNISONE", 5, "Rheumatology"),
  humira: branded("HUMIRA(CF) PEN", "ADALIMUMAB", 6900, "Rheumatology", rising(1.08, 1.05), ["AbbVie Inc."], "Humira"),
  rinvoq: branded("RINVOQ", "UPADACITINIB", 6100, "Rheumatology", rising(0.5, 0.76), ["AbbVie Inc."], "Rinvoq"),
  pantoprazole: generic("PANTOPRAZOLE SODIUM", 8, "Gastroenterology"),
  omeprazole: generic("OMEPRAZOLE", 7, "Gastroenterology"),
  linzess: branded("LINZESS", "LINACLOTIDE", 520, "Gastroenterology", rising(0.86, 0.93), ["AbbVie Inc."], "Linzess"),
  xifaxan: branded(
    "XIFAXAN",
    "RIFAXIMIN",
    2500,
    "Gastroenterology",
    rising(0.9, 0.95),
    ["Salix Pharmaceuticals"],
    "Xifaxan",
  ),
  mesalamine: generic("MESALAMINE", 160, "Gastroenterology"),
  tamsulosin: generic("TAMSULOSIN HCL", 8, "Urology"),
  amoxicillin: generic("AMOXICILLIN", 6, "Infectious Disease"),
  hydrocodone: generic("HYDROCODONE/ACETAMINOPHEN", 16, "Pain"),
  meloxicam: generic("MELOXICAM", 5, "Pain"),
  latanoprost: generic("LATANOPROST", 12, "Ophthalmology"),
} satisfies Record<string, Drug>;

export type DrugKey = keyof typeof DRUGS;
