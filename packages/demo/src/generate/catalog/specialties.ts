// The specialty mix of the demo HCPs: NUCC code, how CMS names it in Part D (Prscrbr_Type), share of
// individuals (roughly the US mix of Part D prescribers) and what they prescribe. Every code is checked
// against the NUCC file when files are generated.
import * as profiles from "./prescribing-profiles";

export type Clinician = "physician" | "np" | "pa";

export interface Specialty {
  key: string;
  taxonomyCode: string;
  /** Prscrbr_Type as CMS writes it. */
  partDType: string;
  clinician: Clinician;
  /** Relative share of individual HCPs. */
  weight: number;
  /** Median total Part D claims per year across the profile; individuals vary log-normally around it. */
  claimsPerYear: number;
  profile: profiles.PrescribingProfile;
  /** Another code such HCPs often list in a second taxonomy slot. */
  secondaryCode?: string;
}

const physician = (
  key: string,
  taxonomyCode: string,
  partDType: string,
  weight: number,
  claimsPerYear: number,
  profile: profiles.PrescribingProfile,
  secondaryCode?: string,
): Specialty => ({
  key,
  taxonomyCode,
  partDType,
  clinician: "physician",
  weight,
  claimsPerYear,
  profile,
  secondaryCode,
});

export const SPECIALTIES: readonly Specialty[] = [
  physician("family-medicine", "207Q00000X", "Family Practice", 13, 1500, profiles.primaryCare),
  physician("internal-medicine", "207R00000X", "Internal Medicine", 13, 1700, profiles.primaryCare),
  physician("cardiology", "207RC0000X", "Cardiology", 3.5, 1900, profiles.cardiology, "207R00000X"),
  physician("endocrinology", "207RE0101X", "Endocrinology", 1.2, 1500, profiles.endocrinology, "207R00000X"),
  physician("nephrology", "207RN0300X", "Nephrology", 1.2, 1100, profiles.nephrology, "207R00000X"),
  physician("pulmonology", "207RP1001X", "Pulmonary Disease", 1.4, 900, profiles.pulmonology, "207R00000X"),
  physician("psychiatry", "2084P0800X", "Psychiatry", 3.5, 1200, profiles.psychiatry),
  physician("neurology", "2084N0400X", "Neurology", 1.8, 700, profiles.neurology),
  physician("dermatology", "207N00000X", "Dermatology", 1.6, 550, profiles.dermatology),
  physician("oncology", "207RX0202X", "Medical Oncology", 1.6, 350, profiles.oncology, "207RH0003X"),
  physician("rheumatology", "207RR0500X", "Rheumatology", 0.7, 650, profiles.rheumatology, "207R00000X"),
  physician("gastroenterology", "207RG0100X", "Gastroenterology", 1.8, 400, profiles.gastroenterology, "207R00000X"),
  physician("geriatrics", "207RG0300X", "Geriatric Medicine", 0.5, 1400, profiles.geriatrics, "207R00000X"),
  physician(
    "infectious-disease",
    "207RI0200X",
    "Infectious Disease",
    0.6,
    150,
    profiles.infectiousDisease,
    "207R00000X",
  ),
  physician("allergy", "207K00000X", "Allergy/ Immunology", 0.5, 300, profiles.allergy),
  physician("hospitalist", "208M00000X", "Hospitalist", 2.5, 120, profiles.hospitalist, "207R00000X"),
  physician("emergency-medicine", "207P00000X", "Emergency Medicine", 4, 140, profiles.acuteCare),
  physician("pediatrics", "208000000X", "Pediatric Medicine", 5, 40, profiles.pediatrics),
  physician("obstetrics-gynecology", "207V00000X", "Obstetrics & Gynecology", 3.5, 90, profiles.womensHealth),
  physician("orthopaedic-surgery", "207X00000X", "Orthopedic Surgery", 2.3, 220, profiles.orthopaedics),
  physician("general-surgery", "208600000X", "General Surgery", 2, 90, profiles.acuteCare),
  physician("ophthalmology", "207W00000X", "Ophthalmology", 1.8, 600, profiles.ophthalmology),
  physician("urology", "208800000X", "Urology", 1.1, 750, profiles.urology),
  {
    key: "np-family",
    taxonomyCode: "363LF0000X",
    partDType: "Nurse Practitioner",
    clinician: "np",
    weight: 10,
    claimsPerYear: 700,
    profile: profiles.primaryCare,
    secondaryCode: "363L00000X",
  },
  {
    key: "np",
    taxonomyCode: "363L00000X",
    partDType: "Nurse Practitioner",
    clinician: "np",
    weight: 4,
    claimsPerYear: 600,
    profile: profiles.primaryCare,
  },
  {
    key: "np-adult",
    taxonomyCode: "363LA2200X",
    partDType: "Nurse Practitioner",
    clinician: "np",
    weight: 3,
    claimsPerYear: 650,
    profile: profiles.primaryCare,
  },
  {
    key: "np-psychiatric",
    taxonomyCode: "363LP0808X",
    partDType: "Nurse Practitioner",
    clinician: "np",
    weight: 2,
    claimsPerYear: 800,
    profile: profiles.psychiatry,
  },
  {
    key: "pa",
    taxonomyCode: "363A00000X",
    partDType: "Physician Assistant",
    clinician: "pa",
    weight: 6,
    claimsPerYear: 450,
    profile: profiles.primaryCare,
  },
  {
    key: "pa-medical",
    taxonomyCode: "363AM0700X",
    partDType: "Physician Assistant",
    clinician: "pa",
    weight: 2,
    claimsPerYear: 500,
    profile: profiles.primaryCare,
    secondaryCode: "363A00000X",
  },
];
