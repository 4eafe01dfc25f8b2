// Compares the schema a server serves with the released one (schema/released.graphql) using graphql-inspector, and
// fails on a breaking change unless CHANGELOG.md names it (its path, e.g. `Query.actors`) under "## Unreleased".
//   usage: node schema/check.mjs RELEASED.graphql SERVED.graphql CHANGELOG.md
// Exit 0: no breaking change, or each one is named; 1: a breaking change is not; 2: usage or unreadable input.
import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { diff, CriticalityLevel } from '@graphql-inspector/core';

const [released, served, changelog] = process.argv.slice(2);
if (!released || !served || !changelog) {
  console.error('usage: node schema/check.mjs RELEASED.graphql SERVED.graphql CHANGELOG.md');
  process.exit(2);
}

const load = (path) => buildSchema(readFileSync(path, 'utf8'), { assumeValidSDL: false });

// The section of the next version: from "## Unreleased" to the next "## " heading.
function unreleased(text) {
  const start = text.search(/^## Unreleased\b/m);
  if (start < 0) return '';
  const rest = text.slice(start + 1);
  const end = rest.search(/^## /m);
  return end < 0 ? rest : rest.slice(0, end);
}

let changes;
try {
  changes = await diff(load(released), load(served));
} catch (error) {
  console.error(`schema check: cannot compare the schemas: ${error.message}`);
  process.exit(2);
}
const named = unreleased(readFileSync(changelog, 'utf8'));
const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking);
const unnamed = breaking.filter((c) => !c.path || !named.includes(c.path));
for (const change of changes) {
  const mark = change.criticality.level === CriticalityLevel.Breaking ? (unnamed.includes(change) ? 'BREAKING, not in CHANGELOG.md' : 'breaking, in CHANGELOG.md')
    : change.criticality.level === CriticalityLevel.Dangerous ? 'dangerous' : 'safe';
  console.log(`  ${mark}: ${change.message}${change.path ? ` (${change.path})` : ''}`);
}
console.log(`schema check: ${changes.length} changes since the release, ${breaking.length} breaking, ${unnamed.length} not named under "## Unreleased" in CHANGELOG.md`);
process.exit(unnamed.length === 0 ? 0 : 1);
