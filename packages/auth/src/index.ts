export { auth, handlers, signIn, signOut, oidcEnabled, SignInThrottled } from "./config";
export { getViewer, getSessionViewer } from "./viewer";
export { authSecret } from "./secret";
export { requestClientIp } from "./client-ip";
export { tooManyAttemptsMessage } from "./throttle";
export { checkSecondFactor, confirmEnrolmentForSession } from "./second-factor";
export { mfaKeys } from "./mfa-crypto";
export {
  cancelEnrolment,
  mfaEnrolledAt,
  disableMfa,
  pendingEnrolment,
  regenerateRecoveryCodes,
  remainingRecoveryCodes,
  secondFactorCodeInput,
  startEnrolment,
} from "./mfa";
export { changeOwnPassword, hasOwnPassword } from "./change-password";
