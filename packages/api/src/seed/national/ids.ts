import { randomInt } from "node:crypto";

/**
 * UUIDv7 (RFC 9562) with the load's start as the timestamp and a counter in rand_b (the RFC's
 * monotonic-counter method): valid ids that arrive in ascending order, so the primary keys and the
 * (unit, case) indexes of a million cases grow at their right edge instead of splitting pages all
 * over, which is most of a bulk load's index cost.
 */
export function uuidV7Sequence(startMs = Date.now()): () => string {
  const ts = startMs.toString(16).padStart(12, "0");
  // rand_a is random per sequence, so two loads in the same millisecond do not collide.
  const head = `${ts.slice(0, 8)}-${ts.slice(8, 12)}-7${randomInt(4096).toString(16).padStart(3, "0")}-8`;
  let counter = 0;
  return () => {
    // The variant nibble 8 (binary 10 and two zero bits), then the counter in the 60 bits left.
    const c = (++counter).toString(16).padStart(15, "0");
    return `${head}${c.slice(0, 3)}-${c.slice(3)}`;
  };
}
