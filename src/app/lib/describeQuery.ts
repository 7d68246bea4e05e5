/** A keyword query for chips and titles: “agents”, or "language model" as typed when the user already quoted it. */
export function describeQuery(query: string): string {
  const q = query.trim();
  return q.includes('"') ? q : `“${q}”`;
}
