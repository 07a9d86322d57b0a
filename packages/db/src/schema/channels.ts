// The channels a call and a consent can be on: the one list, in a module with no imports so that screens in the
// browser can read it (@pharmacrm/domain/channels) without the database code.
export const CALL_CHANNELS = ["in_person", "phone", "video", "email"] as const;
export type CallChannel = (typeof CALL_CHANNELS)[number];

export const CONSENT_CHANNELS = ["email", "phone", "in_person", "sms", "fax"] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

/** Where a physician stands with a product (the adoption board's columns), in order: in this module for the same reason. */
export const ADOPTION_STAGES = ["unaware", "aware", "trial", "adopter", "advocate"] as const;
export type AdoptionStage = (typeof ADOPTION_STAGES)[number];
