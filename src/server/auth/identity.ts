/** The app role that may change the organisation's settings (Entra ID app role value). */
export const ADMIN_ROLE = 'Sealpost.Admin';

/** Who a sender is, as established from a validated token. */
export interface SenderIdentity {
  issuer: 'local' | 'azure';
  /** Azure tenant id; 'local' for the development identity provider. */
  tid: string;
  /** Azure user object id, or the development provider's stable user id. */
  oid: string;
  name: string;
  email: string;
  organisationName: string;
  /** App roles from the token; `Sealpost.Admin` may change the organisation's settings. */
  roles?: string[];
}

/** Validates a bearer token; throws AppError('unauthenticated') on anything wrong with it. */
export interface TokenVerifier {
  /** True when this verifier is responsible for the token's issuer. */
  accepts(issuer: string): boolean;
  verify(token: string): Promise<SenderIdentity>;
}
