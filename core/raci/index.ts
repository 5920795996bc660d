export { ownership, holders, ownerLine, ROLE_ORDER, ROLE_WORDS, type Ownership, type Holder, type PersonRef, type Variant } from './ownership.ts';
export { importRaci, activitiesYaml, columnLetter, type RaciImport, type RaciImportProblem, type ImportedActivity } from './import.ts';
