/** The words of the register check, apart from its zod schemas, so the pages that only show the flag need no zod. */

export const REGISTER_UNCHECKED_LABEL = "Ej kontrollerad mot folkbokföringen";

/** The fields registered by hand and compared with the register. */
export const REGISTER_FIELDS = ["givenName", "familyName", "streetAddress", "postalCode", "city"] as const;
export type RegisterField = (typeof REGISTER_FIELDS)[number];

export const REGISTER_FIELD_LABELS: Record<RegisterField, string> = {
  givenName: "Förnamn",
  familyName: "Efternamn",
  streetAddress: "Gatuadress",
  postalCode: "Postnummer",
  city: "Postort",
};
