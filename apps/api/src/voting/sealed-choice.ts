/** How a sealed choice starts (BallotSeal); a stored choice without it was cast before sealing (legacy, in clear). */
export const SEALED_PREFIX = 'v1:';
