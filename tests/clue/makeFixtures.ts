// Writes the valid CLUE fixtures (tests/fixtures/clue/valid/) from goldenMessages.ts.
import { writeFileSync } from 'node:fs';
import { goldenFiles } from './goldenMessages';

for (const [name, xml] of Object.entries(goldenFiles())) writeFileSync(`tests/fixtures/clue/valid/${name}`, xml);
