/** npm run gen:validators — rewrites shared/db/validators.generated.js after a schema change (see scripts/lib/validators.ts). */
import { writeFileSync } from 'node:fs';
import { GENERATED_PATH, generateValidatorsSource } from './lib/validators';

writeFileSync(GENERATED_PATH, generateValidatorsSource());
console.log(`wrote ${GENERATED_PATH}`);
