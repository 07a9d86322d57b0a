// The maintained list of lay and everyday specialty words → NUCC taxonomy names (a classification, or a
// specialization, exactly as NUCC writes them). The search resolves these names to taxonomy codes against the
// loaded taxonomy table, so a name that NUCC renames simply stops matching rather than matching something else.
// Add a term: lower-case, singular or plural as people type it; list every NUCC name it should cover.
// Terms are matched as whole words, longest first ("pediatric heart doctor" before "heart doctor").

const CARDIOLOGY = [
  "Cardiovascular Disease",
  "Interventional Cardiology",
  "Clinical Cardiac Electrophysiology",
  "Advanced Heart Failure and Transplant Cardiology",
  "Adult Congenital Heart Disease",
];
const DERMATOLOGY = ["Dermatology"];
const ONCOLOGY = [
  "Medical Oncology",
  "Hematology & Oncology",
  "Gynecologic Oncology",
  "Radiation Oncology",
  "Surgical Oncology",
];
const ENDOCRINOLOGY = ["Endocrinology, Diabetes & Metabolism", "Pediatric Endocrinology"];
const PRIMARY_CARE = ["Family Medicine", "Internal Medicine", "General Practice"];
const PSYCHIATRY = ["Psychiatry", "Child & Adolescent Psychiatry", "Geriatric Psychiatry", "Addiction Psychiatry"];
const NEUROLOGY = ["Neurology", "Neurology with Special Qualifications in Child Neurology", "Vascular Neurology"];
const LUNG = ["Pulmonary Disease", "Critical Care Medicine"];
const KIDNEY = ["Nephrology"];
const STOMACH = ["Gastroenterology"];
const CHILDREN = ["Pediatrics"];
const WOMEN = ["Obstetrics & Gynecology"];
const BONES = ["Orthopaedic Surgery"];
const JOINTS = ["Rheumatology"];
const EYES = ["Ophthalmology", "Optometrist"];
const EAR_NOSE_THROAT = ["Otolaryngology"];
const ALLERGY = ["Allergy & Immunology"];
const UROLOGY = ["Urology"];
const INFECTIONS = ["Infectious Disease"];
const BLOOD = ["Hematology", "Hematology & Oncology"];
const ELDERLY = ["Geriatric Medicine"];
const PAIN = ["Pain Medicine"];

export const specialtySynonyms: Readonly<Record<string, readonly string[]>> = {
  "heart doctor": CARDIOLOGY,
  "heart specialist": CARDIOLOGY,
  heart: CARDIOLOGY,
  cardiac: CARDIOLOGY,
  cardiology: CARDIOLOGY,
  cardiologist: CARDIOLOGY,
  cardiologists: CARDIOLOGY,
  "pediatric cardiology": ["Pediatric Cardiology"],
  "children's heart doctor": ["Pediatric Cardiology"],
  electrophysiologist: ["Clinical Cardiac Electrophysiology"],
  skin: DERMATOLOGY,
  "skin doctor": DERMATOLOGY,
  dermatologist: DERMATOLOGY,
  dermatologists: DERMATOLOGY,
  derm: DERMATOLOGY,
  derms: DERMATOLOGY,
  cancer: ONCOLOGY,
  "cancer doctor": ONCOLOGY,
  oncology: ONCOLOGY,
  oncologist: ONCOLOGY,
  oncologists: ONCOLOGY,
  onc: ONCOLOGY,
  diabetes: ENDOCRINOLOGY,
  "diabetes doctor": ENDOCRINOLOGY,
  hormone: ENDOCRINOLOGY,
  thyroid: ENDOCRINOLOGY,
  endocrinology: ENDOCRINOLOGY,
  endocrinologist: ENDOCRINOLOGY,
  endo: ENDOCRINOLOGY,
  endos: ENDOCRINOLOGY,
  gp: PRIMARY_CARE,
  "family doctor": PRIMARY_CARE,
  "primary care": PRIMARY_CARE,
  pcp: PRIMARY_CARE,
  internist: ["Internal Medicine"],
  "mental health": PSYCHIATRY,
  psychiatrist: PSYCHIATRY,
  psychiatrists: PSYCHIATRY,
  psychiatry: PSYCHIATRY,
  psych: PSYCHIATRY,
  brain: NEUROLOGY,
  "nerve doctor": NEUROLOGY,
  neurologist: NEUROLOGY,
  neurologists: NEUROLOGY,
  neurology: NEUROLOGY,
  neuro: NEUROLOGY,
  stroke: ["Vascular Neurology"],
  lung: LUNG,
  lungs: LUNG,
  "lung doctor": LUNG,
  pulmonology: LUNG,
  pulmonologist: LUNG,
  pulm: LUNG,
  kidney: KIDNEY,
  kidneys: KIDNEY,
  "kidney doctor": KIDNEY,
  nephrologist: KIDNEY,
  nephro: KIDNEY,
  stomach: STOMACH,
  gut: STOMACH,
  digestive: STOMACH,
  "gi doctor": STOMACH,
  gi: STOMACH,
  gastroenterologist: STOMACH,
  "children's doctor": CHILDREN,
  "kids doctor": CHILDREN,
  "baby doctor": CHILDREN,
  pediatrician: CHILDREN,
  paediatrician: CHILDREN,
  peds: CHILDREN,
  paeds: CHILDREN,
  "women's health": WOMEN,
  obgyn: WOMEN,
  "ob/gyn": WOMEN,
  "ob gyn": WOMEN,
  gynecologist: WOMEN,
  gynaecologist: WOMEN,
  obstetrician: WOMEN,
  "bone doctor": BONES,
  bones: BONES,
  orthopedic: BONES,
  orthopedics: BONES,
  orthopaedics: BONES,
  "orthopedic surgeon": BONES,
  arthritis: JOINTS,
  joints: JOINTS,
  rheumatologist: JOINTS,
  rheum: JOINTS,
  "eye doctor": EYES,
  eyes: EYES,
  eye: EYES,
  ophthalmologist: ["Ophthalmology"],
  ent: EAR_NOSE_THROAT,
  "ear nose throat": EAR_NOSE_THROAT,
  "ear nose and throat": EAR_NOSE_THROAT,
  allergist: ALLERGY,
  allergy: ALLERGY,
  allergies: ALLERGY,
  urologist: UROLOGY,
  bladder: UROLOGY,
  prostate: UROLOGY,
  "infectious disease": INFECTIONS,
  "id doctor": INFECTIONS,
  hematologist: BLOOD,
  blood: BLOOD,
  "elderly care": ELDERLY,
  geriatrician: ELDERLY,
  "pain doctor": PAIN,
  "pain management": PAIN,
};

/** The NUCC names a specialty said in words stands for ("cardiology" → the heart specializations); a name is itself. */
export const nuccNamesOf = (terms: readonly string[]): string[] => [
  ...new Set(terms.flatMap((term) => specialtySynonyms[term.toLowerCase()] ?? [term])),
];
