export { auth, handlers, signIn, signOut, oidcEnabled, SignInThrottled } from "./config";
export { getViewer, getSessionViewer } from "./viewer";
export { authSecret } from "./secret";
export { clientIp } from "./client-ip";
export { tooManyAttemptsMessage } from "./throttle";
export { checkSecondFactor } from "./second-factor";
export { mfaKeys } from "./mfa-crypto";
export {
  confirmEnrolment,
  disableMfa,
  pendingEnrolment,
  regenerateRecoveryCodes,
  remainingRecoveryCodes,
  secondFactorCodeInput,
  startEnrolment,
} from "./mfa";
