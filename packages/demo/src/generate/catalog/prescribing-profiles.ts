// What each specialty prescribes: for each drug, the share of prescribers who write it at all (`reach`)
// and its share of a writer's Part D claims (`share`). Shares need not sum to 1: the rest is drugs the demo
// does not model.
import { type DrugKey } from "./drugs";

export type PrescribingProfile = readonly { drug: DrugKey; reach: number; share: number }[];

type Entry = [DrugKey, number, number];
const profile = (...entries: Entry[]): PrescribingProfile =>
  entries.map(([drug, reach, share]) => ({ drug, reach, share }));

export const primaryCare = profile(
  ["atorvastatin", 0.95, 0.12],
  ["amlodipine", 0.9, 0.09],
  ["lisinopril", 0.9, 0.08],
  ["losartan", 0.85, 0.07],
  ["metformin", 0.9, 0.09],
  ["levothyroxine", 0.85, 0.07],
  ["omeprazole", 0.8, 0.05],
  ["pantoprazole", 0.7, 0.04],
  ["gabapentin", 0.75, 0.05],
  ["sertraline", 0.7, 0.04],
  ["escitalopram", 0.6, 0.03],
  ["trazodone", 0.5, 0.02],
  ["metoprololSuccinate", 0.75, 0.05],
  ["furosemide", 0.6, 0.03],
  ["rosuvastatin", 0.6, 0.04],
  ["tamsulosin", 0.55, 0.03],
  ["eliquis", 0.6, 0.03],
  ["xarelto", 0.35, 0.015],
  ["warfarin", 0.35, 0.015],
  ["clopidogrel", 0.5, 0.02],
  ["jardiance", 0.5, 0.025],
  ["farxiga", 0.45, 0.02],
  ["ozempic", 0.5, 0.025],
  ["trulicity", 0.45, 0.02],
  ["mounjaro", 0.4, 0.02],
  ["lantus", 0.5, 0.02],
  ["glipizide", 0.5, 0.025],
  ["albuterol", 0.6, 0.02],
  ["montelukast", 0.4, 0.015],
  ["trelegy", 0.3, 0.012],
  ["breo", 0.25, 0.01],
  ["spiriva", 0.25, 0.01],
  ["meloxicam", 0.5, 0.02],
  ["hydrocodone", 0.3, 0.015],
  ["amoxicillin", 0.5, 0.015],
  ["prednisone", 0.5, 0.015],
  ["carvedilol", 0.4, 0.015],
  ["spironolactone", 0.35, 0.01],
  ["entresto", 0.2, 0.008],
  ["donepezil", 0.3, 0.01],
);

export const cardiology = profile(
  ["eliquis", 0.95, 0.12],
  ["xarelto", 0.8, 0.06],
  ["warfarin", 0.6, 0.04],
  ["entresto", 0.85, 0.07],
  ["farxiga", 0.75, 0.05],
  ["jardiance", 0.8, 0.06],
  ["atorvastatin", 0.98, 0.14],
  ["rosuvastatin", 0.9, 0.08],
  ["metoprololSuccinate", 0.95, 0.1],
  ["metoprololTartrate", 0.8, 0.04],
  ["carvedilol", 0.9, 0.07],
  ["clopidogrel", 0.9, 0.06],
  ["amlodipine", 0.85, 0.04],
  ["lisinopril", 0.7, 0.03],
  ["losartan", 0.75, 0.03],
  ["furosemide", 0.9, 0.06],
  ["spironolactone", 0.85, 0.04],
);

export const endocrinology = profile(
  ["ozempic", 0.95, 0.14],
  ["trulicity", 0.85, 0.09],
  ["mounjaro", 0.85, 0.1],
  ["jardiance", 0.9, 0.08],
  ["farxiga", 0.85, 0.06],
  ["lantus", 0.9, 0.1],
  ["metformin", 0.95, 0.14],
  ["glipizide", 0.6, 0.04],
  ["levothyroxine", 0.95, 0.15],
  ["atorvastatin", 0.6, 0.03],
  ["rosuvastatin", 0.4, 0.02],
);

export const nephrology = profile(
  ["sevelamer", 0.85, 0.1],
  ["calcitriol", 0.85, 0.08],
  ["furosemide", 0.95, 0.15],
  ["amlodipine", 0.9, 0.12],
  ["kerendia", 0.5, 0.04],
  ["farxiga", 0.8, 0.08],
  ["jardiance", 0.7, 0.06],
  ["losartan", 0.8, 0.08],
  ["carvedilol", 0.6, 0.05],
  ["metoprololSuccinate", 0.6, 0.04],
  ["spironolactone", 0.4, 0.03],
  ["atorvastatin", 0.5, 0.03],
);

export const pulmonology = profile(
  ["trelegy", 0.9, 0.16],
  ["breo", 0.8, 0.1],
  ["breztri", 0.6, 0.06],
  ["spiriva", 0.85, 0.12],
  ["albuterol", 0.95, 0.2],
  ["montelukast", 0.75, 0.07],
  ["prednisone", 0.85, 0.08],
);

export const psychiatry = profile(
  ["sertraline", 0.95, 0.15],
  ["escitalopram", 0.9, 0.12],
  ["bupropion", 0.85, 0.1],
  ["trazodone", 0.9, 0.1],
  ["quetiapine", 0.9, 0.1],
  ["vraylar", 0.7, 0.06],
  ["rexulti", 0.6, 0.05],
  ["gabapentin", 0.4, 0.03],
);

export const neurology = profile(
  ["nurtec", 0.7, 0.06],
  ["ubrelvy", 0.6, 0.05],
  ["levetiracetam", 0.9, 0.15],
  ["gabapentin", 0.9, 0.15],
  ["donepezil", 0.8, 0.1],
  ["sertraline", 0.3, 0.02],
);

export const dermatology = profile(
  ["dupixent", 0.6, 0.06],
  ["clobetasol", 0.95, 0.25],
  ["triamcinolone", 0.95, 0.25],
  ["doxycycline", 0.85, 0.15],
  ["methotrexate", 0.3, 0.02],
  ["prednisone", 0.3, 0.02],
);

export const oncology = profile(
  ["ibrance", 0.5, 0.04],
  ["xtandi", 0.45, 0.04],
  ["anastrozole", 0.85, 0.15],
  ["letrozole", 0.8, 0.12],
  ["ondansetron", 0.95, 0.2],
  ["prednisone", 0.7, 0.06],
  ["eliquis", 0.5, 0.03],
);

export const rheumatology = profile(
  ["methotrexate", 0.95, 0.18],
  ["hydroxychloroquine", 0.95, 0.2],
  ["prednisone", 0.95, 0.2],
  ["humira", 0.75, 0.06],
  ["rinvoq", 0.6, 0.04],
  ["meloxicam", 0.5, 0.04],
  ["gabapentin", 0.3, 0.02],
);

export const gastroenterology = profile(
  ["pantoprazole", 0.95, 0.25],
  ["omeprazole", 0.9, 0.2],
  ["linzess", 0.8, 0.08],
  ["xifaxan", 0.6, 0.05],
  ["mesalamine", 0.7, 0.06],
  ["ondansetron", 0.5, 0.04],
);

export const geriatrics = profile(
  ["donepezil", 0.9, 0.1],
  ["atorvastatin", 0.9, 0.1],
  ["amlodipine", 0.85, 0.08],
  ["eliquis", 0.8, 0.06],
  ["metoprololSuccinate", 0.8, 0.06],
  ["levothyroxine", 0.8, 0.06],
  ["sertraline", 0.7, 0.04],
  ["furosemide", 0.7, 0.05],
  ["jardiance", 0.5, 0.03],
  ["farxiga", 0.45, 0.025],
  ["warfarin", 0.4, 0.02],
  ["tamsulosin", 0.6, 0.04],
);

export const infectiousDisease = profile(
  ["amoxicillin", 0.8, 0.3],
  ["doxycycline", 0.8, 0.3],
  ["prednisone", 0.3, 0.05],
);
export const allergy = profile(
  ["montelukast", 0.95, 0.3],
  ["albuterol", 0.9, 0.2],
  ["dupixent", 0.5, 0.05],
  ["prednisone", 0.7, 0.1],
);
export const hospitalist = profile(
  ["eliquis", 0.7, 0.1],
  ["atorvastatin", 0.8, 0.12],
  ["metoprololTartrate", 0.7, 0.1],
  ["furosemide", 0.7, 0.1],
  ["amlodipine", 0.6, 0.08],
  ["pantoprazole", 0.6, 0.08],
);
export const acuteCare = profile(
  ["amoxicillin", 0.8, 0.2],
  ["ondansetron", 0.8, 0.2],
  ["prednisone", 0.7, 0.15],
  ["hydrocodone", 0.6, 0.15],
  ["meloxicam", 0.5, 0.1],
);
export const pediatrics = profile(["amoxicillin", 0.4, 0.3], ["albuterol", 0.4, 0.3], ["montelukast", 0.3, 0.2]);
export const womensHealth = profile(
  ["levothyroxine", 0.4, 0.25],
  ["doxycycline", 0.3, 0.15],
  ["letrozole", 0.2, 0.1],
  ["ondansetron", 0.3, 0.1],
);
export const orthopaedics = profile(
  ["meloxicam", 0.9, 0.35],
  ["hydrocodone", 0.7, 0.25],
  ["gabapentin", 0.5, 0.1],
  ["prednisone", 0.4, 0.08],
);
export const ophthalmology = profile(["latanoprost", 0.95, 0.6], ["prednisone", 0.2, 0.02]);
export const urology = profile(["tamsulosin", 0.98, 0.5], ["xtandi", 0.2, 0.03], ["amoxicillin", 0.4, 0.05]);
