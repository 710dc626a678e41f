/**
 * Builds `native-places.json`: each country's name in its own language ("Brasil", "Deutschland", "Россия") with its
 * English name, from countries-list (MIT), the package the gazetteer's English names come from:
 *   npx tsx utils/entities/languages/data/build-native-places.ts
 * The English gazetteer knows "Brazil" only; a Portuguese page writes "Brasil". Deterministic.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { countries } from 'countries-list';

const places: Record<string, string> = {};
for (const c of Object.values(countries).sort((a, b) => a.name.localeCompare(b.name))) {
  // Only cased scripts can be spotted; skip names equal to the English one (the gazetteer has them).
  if (c.native !== c.name && /^\p{L}/u.test(c.native) && c.native.toLowerCase() !== c.native.toUpperCase()) places[c.native] = c.name;
}
writeFileSync(fileURLToPath(new URL('./native-places.json', import.meta.url)), JSON.stringify({ source: 'countries-list (MIT), field native', places }, null, 0) + '\n');
console.log(`native-places.json: ${Object.keys(places).length} names`);
