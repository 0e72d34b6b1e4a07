/**
 * HSA-id syntax, checked loosely: `SE` + the catalogue owner's
 * organisation number, or `TSTNMT` + digits in Inera's test catalogue, then `-` and
 * 1..n characters A–Z a–z 0–9 (no å/ä/ö), 31 characters at most.
 */
export const HSA_ID_PATTERN = /^(?:SE|TSTNMT)\d+-[A-Za-z0-9]+$/;
export const HSA_ID_MAX_LENGTH = 31;

/** An organisation-level HSA-id may also be the bare prefix, e.g. `SE2321000032`. */
const ORG_HSA_ID_PATTERN = /^(?:SE|TSTNMT)\d+(?:-[A-Za-z0-9]+)?$/;

export function isValidHsaId(value: string): boolean {
  return value.length <= HSA_ID_MAX_LENGTH && HSA_ID_PATTERN.test(value);
}

/** Units and organisations in our tree: either a full HSA-id or a bare `SE<orgnr>`. */
export function isValidOrgHsaId(value: string): boolean {
  return value.length <= HSA_ID_MAX_LENGTH && ORG_HSA_ID_PATTERN.test(value);
}
