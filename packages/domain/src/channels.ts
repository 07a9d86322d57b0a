// The channels a call and a consent can be on, defined once with the database's enums and derived everywhere else.
export { CALL_CHANNELS, CONSENT_CHANNELS, type CallChannel, type ConsentChannel } from "@pharmacrm/db/channels";
