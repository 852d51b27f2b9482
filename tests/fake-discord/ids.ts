/** Unique snowflake-shaped ids (19 digits) for fake Discord objects. */
let counter = 0n;
const base = 1_100_000_000_000_000_000n;

export function snowflake(): string {
  return String(base + ++counter * 1000n + BigInt(Math.floor(Math.random() * 1000)));
}
